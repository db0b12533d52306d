import { describe, expect, it } from 'vitest';
import { catalogues, translate } from './index';

describe('message catalogues', () => {
  it('every key has a non-empty text in every language', () => {
    const keys = Object.keys(catalogues.en);
    for (const [language, catalogue] of Object.entries(catalogues)) {
      for (const key of keys) {
        const text = (catalogue as Record<string, string>)[key];
        expect(text, `${language}: ${key}`).toBeTruthy();
      }
      expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    }
  });

  it('placeholders are the same in every language', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[]) {
      expect(placeholders(catalogues.zh[key]), key).toBe(placeholders(catalogues.en[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'transport.speed', { rate: 3.5 })).toBe('3.5 steps/s');
    expect(translate('zh', 'transport.speed', { rate: 3.5 })).toBe('3.5 步/秒');
  });
});
