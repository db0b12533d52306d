import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Language = 'en' | 'zh';
export const languages: Language[] = ['en', 'zh'];
export const catalogues: Record<Language, Record<MessageKey, string>> = { en, zh };
export type { MessageKey };

export type Params = Record<string, string | number>;

/** Looks up a message and fills in `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = catalogues[language][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function parseLanguage(value: string | null | undefined): Language | null {
  return value === 'en' || value === 'zh' ? value : null;
}
