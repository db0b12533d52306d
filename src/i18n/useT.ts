import { useCallback } from 'react';
import { useStore } from '../state/store';
import { translate, type MessageKey, type Params } from './index';

/** The translate function for the current language. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useStore((s) => s.config.language);
  return useCallback(
    (key: MessageKey, params?: Params) => translate(language, key, params),
    [language],
  );
}
