import {
  convForwardName,
  filterGradientName,
  flipFilterName,
  inputGradientName,
  polyphaseFilterName,
} from './simd-kernel-names';
import { instanceFor, offset, registerWasmKernel, scratch } from './simd-runtime';

/**
 * The convolution kernels (assembly/conv-forward.ts, conv-winograd.ts, conv.ts,
 * input-gradient.ts, filters.ts) as tfjs kernels of the 'wasm' backend: forward, filter and
 * input gradients, and the filter rearrangements of the input gradient. Registered with the
 * others by simd-kernels.ts' registerSimdKernels.
 */

/** A convolution's shape in the argument order of assembly/conv.ts and input-gradient.ts. */
function convShape(
  input: readonly number[],
  dy: readonly number[],
  ...filterAndGeometry: [kH: number, kW: number, stride: number, padTop: number, padLeft: number]
): number[] {
  const [batch, height, width, inC] = input;
  const [, outH, outW, outC] = dy;
  return [batch, height, width, inC, outH, outW, outC, ...filterAndGeometry];
}

/** Floats of the zero-bordered input the Winograd kernels read (assembly/conv-winograd.ts). */
function winogradPadded(
  input: readonly number[],
  outH: number,
  outW: number,
  padTop: number,
  padLeft: number,
): number {
  const [batch, height, width, inC] = input;
  const paddedH = Math.max(height + padTop, Math.ceil(outH / 2) * 2 + 2);
  const paddedW = Math.max(width + padLeft, Math.ceil(outW / 2) * 2 + 2);
  return batch * paddedH * paddedW * inC;
}

export function registerConvKernels(): void {
  registerWasmKernel(convForwardName, (b, inputs, attrs) => {
    const { x, filter, bias } = inputs;
    const { outH, outW, stride, padTop, padLeft, activation, slope, winograd } = attrs;
    const [kH, kW, inC, outC] = filter.shape;
    const [batch, height, width] = x.shape;
    const out = b.makeOutput([batch, outH, outW, outC], 'float32');
    const instance = instanceFor(b);
    if (winograd) {
      // transformed filter, padded input, four tiles' transformed input, their products
      const floats =
        Math.ceil(outC / 8) * 16 * inC * 8 +
        winogradPadded(x.shape, outH, outW, padTop, padLeft) +
        64 * inC +
        512;
      instance.exports.convWinograd(
        offset(b, x),
        offset(b, filter),
        bias ? offset(b, bias) : 0,
        offset(b, out),
        scratch(b, instance, floats),
        ...[batch, height, width, inC, outH, outW, outC, padTop, padLeft, activation, slope],
      );
      return out;
    }
    // the filter packed by 8 output channels, then the input inside its zero border
    const paddedH = Math.max(height + padTop, (outH - 1) * stride + kH);
    const paddedW = Math.max(width + padLeft, (outW - 1) * stride + kW);
    const block = scratch(
      b,
      instance,
      Math.ceil(outC / 8) * kH * kW * inC * 8 + batch * paddedH * paddedW * inC,
    );
    instance.exports.convForward(
      offset(b, x),
      offset(b, filter),
      bias ? offset(b, bias) : 0,
      offset(b, out),
      block,
      ...convShape(x.shape, [batch, outH, outW, outC], kH, kW, stride, padTop, padLeft),
      activation,
      slope,
    );
    return out;
  });
  registerWasmKernel(filterGradientName, (b, inputs, attrs) => {
    const { x, dy } = inputs;
    const { kH, kW, stride, padTop, padLeft, winograd } = attrs;
    const inC = x.shape[3];
    const [batch, outH, outW, outC] = dy.shape;
    const out = b.makeOutput([kH, kW, inC, outC], 'float32');
    const instance = instanceFor(b);
    if (winograd) {
      // padded input, a chunk of tiles' transformed input and dy, the transformed gradient
      const outC8 = Math.ceil(outC / 8) * 8;
      // tiles whose transforms are held at once: not a power of two, so that one position's
      // rows of V, D and dU (chunk · channels floats apart) do not share L1's sets (32 tiles:
      // 1.05 ms at [16,12,12,32]→32, 36: 0.62 ms; every sum adds its tiles in the same order)
      const chunk = 36;
      const floats =
        winogradPadded(x.shape, outH, outW, padTop, padLeft) +
        16 * chunk * (inC + outC8) +
        16 * inC * outC8;
      instance.exports.convWinogradFilterGradient(
        offset(b, x),
        offset(b, dy),
        offset(b, out),
        scratch(b, instance, floats),
        ...[batch, x.shape[1], x.shape[2], inC, outH, outW, outC, padTop, padLeft, chunk],
      );
      return out;
    }
    instance.exports.convFilterGradient(
      offset(b, x),
      offset(b, dy),
      offset(b, out),
      scratch(b, instance, 2 * batch * outH * outW), // a tap's (x, dy) offsets
      ...convShape(x.shape, dy.shape, kH, kW, stride, padTop, padLeft),
    );
    return out;
  });
  registerWasmKernel(inputGradientName, (b, inputs, attrs) => {
    const { dy, filter } = inputs;
    const { batch, height, width, stride, padTop, padLeft } = attrs;
    const outC = dy.shape[3];
    const [kH, kW, inC] = filter.shape;
    const out = b.makeOutput([batch, height, width, inC], 'float32');
    const instance = instanceFor(b);
    // the filter laid out [KH, KW, Co, Ci], a pixel's tap list, the pixels waiting for a
    // block, each row's and column's taps
    const block = scratch(b, instance, kH * kW * (inC * outC + 2) + 16 * 14 + height + width);
    instance.exports.convInputGradient(
      offset(b, dy),
      offset(b, filter),
      offset(b, out),
      block,
      ...convShape([batch, height, width, inC], dy.shape, kH, kW, stride, padTop, padLeft),
    );
    return out;
  });
  registerWasmKernel(flipFilterName, (b, inputs) => {
    const { filter } = inputs;
    const [kH, kW, inC, outC] = filter.shape;
    const out = b.makeOutput([kH, kW, outC, inC], 'float32');
    instanceFor(b).exports.flipFilter(offset(b, filter), offset(b, out), kH, kW, inC, outC);
    return out;
  });
  registerWasmKernel(polyphaseFilterName, (b, inputs, attrs) => {
    const { filter } = inputs;
    const { stride } = attrs;
    const [kH, kW, inC, outC] = filter.shape;
    const out = b.makeOutput(
      [Math.ceil(kH / stride), Math.ceil(kW / stride), outC, stride * stride * inC],
      'float32',
    );
    instanceFor(b).exports.polyphaseFilter(
      offset(b, filter),
      offset(b, out),
      kH,
      kW,
      inC,
      outC,
      stride,
    );
    return out;
  });
}
