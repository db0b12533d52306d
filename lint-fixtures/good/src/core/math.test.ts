import { store } from '../state/store';
import { mean } from './math';

export const check = mean(store.losses);
