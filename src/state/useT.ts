import { useCallback } from 'react';
import { translate, type MessageKey, type Params } from '../i18n';
import { useStore } from './store';

/** The translate function for the current language (a hook, so it lives with the store). */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useStore((s) => s.config.language);
  return useCallback(
    (key: MessageKey, params?: Params) => translate(language, key, params),
    [language],
  );
}
