import type { Padding } from './conv';

/** A convolution's geometry, as the wasm kernels' tests list them. */
export interface ConvCase {
  b: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: number;
  stride: number;
  pad: Padding;
}
