// ---------------------------------------------------------------------------------------
// Convolution, forward (NHWC): y[b, oh, ow, co] = act(bias[co] + Σ_{kh, kw, ci}
//   x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · w[kh, kw, ci, co])
// The input is first copied with its zero border (`scratch`), so every output pixel reads
// whole taps; the filter is packed by blocks of 8 output channels, [Co/8][KH][KW][Ci][8],
// so one kernel row (KW·Ci taps, contiguous in both) is one straight loop. Register block:
// 4 output pixels of a row × 8 output channels (8 f32x4 accumulators): per tap two weight
// vectors and four broadcast loads feed 8 multiply-adds, a row's pixels four at a time where
// OW is a multiple of 4; other rows take their four pixels across rows and images
// (narrowRows). Co % 4 = 0 (the caller
// checks); a last block of 4 channels is
// packed with zeros and stores one vector.
// activation: 0 none, 1 relu, 2 leaky relu (y = max(y, slope·y), 0 ≤ slope ≤ 1).

import { madd } from './simd';

@inline function activate(v: v128, activation: i32, slope: v128): v128 {
  if (activation == 1) return f32x4.max(v, f32x4.splat(0));
  if (activation == 2) return f32x4.max(v, f32x4.mul(v, slope));
  return v;
}

/**
 * scratch: blocks·KH·KW·Ci·8 floats of packed filter, then B·paddedH·paddedW·Ci of padded
 * input, paddedH = max(H + padTop, (OH − 1)·s + KH) and paddedW likewise (simd-kernels.ts).
 */
export function convForward(
  x: usize, w: usize, bias: usize, out: usize, scratch: usize,
  batch: i32, height: i32, width: i32, inC: i32,
  outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, stride: i32, padTop: i32, padLeft: i32,
  activation: i32, slope: f32,
): void {
  const slopes = f32x4.splat(slope);
  const blocks = (outC + 7) / 8;
  const taps = kH * kW * inC;
  // the filter by blocks of 8 output channels (zeros past Co)
  const packed = scratch;
  for (let block = 0; block < blocks; block++)
    for (let t = 0; t < taps; t++) {
      const to = packed + (<usize>((block * taps + t) * 8) << 2);
      const from = w + (<usize>(t * outC + block * 8) << 2);
      v128.store(to, v128.load(from));
      if (block * 8 + 8 <= outC) v128.store(to, v128.load(from, 16), 16);
      else v128.store(to, f32x4.splat(0), 16);
    }
  // the input inside a zero border, rows [paddedH] × columns [paddedW]
  const paddedH = max(height + padTop, (outH - 1) * stride + kH);
  const paddedW = max(width + padLeft, (outW - 1) * stride + kW);
  const padded = packed + (<usize>(blocks * taps * 8) << 2);
  const pixel = <usize>inC << 2;
  const paddedRow = <usize>paddedW * pixel;
  memory.fill(padded, 0, <usize>(batch * paddedH) * paddedRow);
  for (let b = 0; b < batch; b++)
    for (let h = 0; h < height; h++)
      memory.copy(
        padded + <usize>(b * paddedH + h + padTop) * paddedRow + <usize>padLeft * pixel,
        x + <usize>(b * height + h) * <usize>width * pixel,
        <usize>width * pixel,
      );
  const rowTaps = kW * inC; // one kernel row: contiguous in the padded input and the pack
  const step = <usize>(stride * inC) << 2; // from one output pixel's input to the next
  const outPixel = <usize>outC << 2;
  // rows that are not a whole number of blocks (SimCLR's 2 × 2, stage 1's 6 × 6) take their
  // blocks across rows: a row of 6 in blocks of 4 computed 8 pixels for 6
  if (outW % 4 != 0) {
    narrowRows(padded, packed, bias, out, batch * outH * outW, outH, outW, outC, kH, rowTaps,
      <usize>paddedH * paddedRow, paddedRow, stride, step, activation, slopes);
    return;
  }
  for (let b = 0; b < batch; b++)
    for (let oh = 0; oh < outH; oh++) {
      const inRow = padded + <usize>(b * paddedH + oh * stride) * paddedRow;
      const outRow = out + <usize>(b * outH + oh) * <usize>outW * outPixel;
      for (let ow = 0; ow < outW; ow += 4) {
        const xPixel = inRow + <usize>ow * step;
        const o = outRow + <usize>ow * outPixel;
        fourPixels(xPixel, step, 2 * step, 3 * step, o, outPixel, packed, bias, outC, kH, rowTaps,
          paddedRow, activation, slopes);
      }
    }
}

/**
 * Rows that are not a whole number of blocks (OW % 4 ≠ 0): the same 4 pixels × 8 channels,
 * the four pixels taken in the order of the output (across rows and images), each from its
 * own place in the padded input. The last block starts at pixels − 4, as a row's does; fewer than 4 pixels in all go
 * one at a time.
 */
function narrowRows(
  padded: usize, packed: usize, bias: usize, out: usize, pixels: i32,
  outH: i32, outW: i32, outC: i32, kH: i32, rowTaps: i32,
  paddedImage: usize, paddedRow: usize, stride: i32, step: usize, activation: i32, slopes: v128,
): void {
  const outPixel = <usize>outC << 2;
  const perImage = outH * outW;
  if (pixels < 4) {
    for (let i = 0; i < pixels; i++)
      onePixel(inputOf(padded, i, perImage, outW, stride, paddedImage, paddedRow, step), packed, bias,
        out + <usize>i * outPixel, outC, kH, rowTaps, paddedRow, activation, slopes);
    return;
  }
  for (let start = 0; start < pixels; start += 4) {
    const first = start + 4 <= pixels ? start : pixels - 4;
    const p0 = inputOf(padded, first, perImage, outW, stride, paddedImage, paddedRow, step);
    const p1 = inputOf(padded, first + 1, perImage, outW, stride, paddedImage, paddedRow, step);
    const p2 = inputOf(padded, first + 2, perImage, outW, stride, paddedImage, paddedRow, step);
    const p3 = inputOf(padded, first + 3, perImage, outW, stride, paddedImage, paddedRow, step);
    fourPixels(p0, p1 - p0, p2 - p0, p3 - p0, out + <usize>first * outPixel, outPixel, packed, bias,
      outC, kH, rowTaps, paddedRow, activation, slopes);
  }
}

/**
 * One block: 4 output pixels (the first reading its input at x, the others d1, d2, d3 bytes
 * after it; written at o, o + outPixel, …) × every 8 output channels: per tap two weight
 * vectors and four broadcast loads feed 8 multiply-adds.
 */
function fourPixels(
  x: usize, d1: usize, d2: usize, d3: usize, o: usize, outPixel: usize, packed: usize,
  bias: usize, outC: i32, kH: i32, rowTaps: i32, paddedRow: usize, activation: i32, slopes: v128,
): void {
  const blocks = (outC + 7) / 8;
  const taps = kH * rowTaps;
  for (let block = 0; block < blocks; block++) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
    const co = block * 8;
    if (bias) {
      a0 = v128.load(bias + (<usize>co << 2));
      if (co + 8 <= outC) a1 = v128.load(bias + (<usize>co << 2), 16);
    }
    let b0 = a0, b1 = a1, c0 = a0, c1 = a1, d0 = a0, d1_ = a1;
    let wp = packed + (<usize>(block * taps * 8) << 2);
    for (let kh = 0; kh < kH; kh++) {
      let xp = x + <usize>kh * paddedRow;
      for (let t = 0; t < rowTaps; t++) {
        const w0 = v128.load(wp);
        const w1 = v128.load(wp, 16);
        const x0 = v128.load32_splat(xp);
        const x1 = v128.load32_splat(xp + d1);
        const x2 = v128.load32_splat(xp + d2);
        const x3 = v128.load32_splat(xp + d3);
        a0 = madd(x0, w0, a0);
        a1 = madd(x0, w1, a1);
        b0 = madd(x1, w0, b0);
        b1 = madd(x1, w1, b1);
        c0 = madd(x2, w0, c0);
        c1 = madd(x2, w1, c1);
        d0 = madd(x3, w0, d0);
        d1_ = madd(x3, w1, d1_);
        xp += 4;
        wp += 32;
      }
    }
    const oc = o + (<usize>co << 2);
    v128.store(oc, activate(a0, activation, slopes));
    v128.store(oc + outPixel, activate(b0, activation, slopes));
    v128.store(oc + 2 * outPixel, activate(c0, activation, slopes));
    v128.store(oc + 3 * outPixel, activate(d0, activation, slopes));
    if (co + 8 <= outC) {
      v128.store(oc, activate(a1, activation, slopes), 16);
      v128.store(oc + outPixel, activate(b1, activation, slopes), 16);
      v128.store(oc + 2 * outPixel, activate(c1, activation, slopes), 16);
      v128.store(oc + 3 * outPixel, activate(d1_, activation, slopes), 16);
    }
  }
}

/** Where output pixel i (in the order of the output) reads its first tap in the padded input. */
@inline function inputOf(
  padded: usize, i: i32, perImage: i32, outW: i32, stride: i32,
  paddedImage: usize, paddedRow: usize, step: usize,
): usize {
  const b = i / perImage;
  const oh = (i % perImage) / outW;
  const ow = i % outW;
  return padded + <usize>b * paddedImage + <usize>(oh * stride) * paddedRow + <usize>ow * step;
}

/** One output pixel, every channel block (fewer than four pixels in all). */
function onePixel(
  xPixel: usize, packed: usize, bias: usize, o: usize,
  outC: i32, kH: i32, rowTaps: i32, paddedRow: usize, activation: i32, slopes: v128,
): void {
  const blocks = (outC + 7) / 8;
  const taps = kH * rowTaps;
  for (let block = 0; block < blocks; block++) {
    const co = block * 8;
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
    if (bias) {
      a0 = v128.load(bias + (<usize>co << 2));
      if (co + 8 <= outC) a1 = v128.load(bias + (<usize>co << 2), 16);
    }
    let wp = packed + (<usize>(block * taps * 8) << 2);
    for (let kh = 0; kh < kH; kh++) {
      let xp = xPixel + <usize>kh * paddedRow;
      for (let t = 0; t < rowTaps; t++) {
        const xs = v128.load32_splat(xp);
        a0 = madd(xs, v128.load(wp), a0);
        a1 = madd(xs, v128.load(wp, 16), a1);
        xp += 4;
        wp += 32;
      }
    }
    const oc = o + (<usize>co << 2);
    v128.store(oc, activate(a0, activation, slopes));
    if (co + 8 <= outC) v128.store(oc, activate(a1, activation, slopes), 16);
  }
}
