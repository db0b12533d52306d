// The hook that used to live in src/i18n: a catalogue layer reading the store.
import { readStore } from '../state/store';

export const currentLanguage = (): string => readStore().language;
