// A hook on the store lives in state and reads the catalogue below it.
import { catalogue, type MessageKey } from '../i18n';
import { store } from './store';

export const translatorOf = () => (key: MessageKey) => `${catalogue[key]} (${store.losses.length})`;
