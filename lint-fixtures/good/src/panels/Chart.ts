import type { MessageKey } from '../i18n';
import { legend } from '../controls/Legend';
import { store } from '../state/store';

export const chartTitle: MessageKey = 'title';
export const chart = () => `${legend()} ${store.averageLoss()}`;
