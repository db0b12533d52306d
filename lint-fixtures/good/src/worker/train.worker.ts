import { mean } from '../core/math';

export const firstLoss = mean([1, 2]);
