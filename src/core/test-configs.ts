import { defaultSimclrConfig, type SimclrConfig } from './simclr/config';

/** A SimCLR config small enough for the cpu backend in unit tests. */
export const tinySimclrConfig: SimclrConfig = {
  ...defaultSimclrConfig,
  batchSize: 8,
  imageSize: 16,
  channels: [8, 16],
  strides: [2, 2],
  hiddenDim: 16,
  projectionDim: 8,
};
