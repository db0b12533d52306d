// ---------------------------------------------------------------------------------------
// Convolution input gradient, direct, for any stride
// dx[b, y, x, ci] = Σ_{kh, kw, co} dy[b, oy, ox, co] · W[kh, kw, ci, co]
//   over the taps with y + padTop − kh = oy·s and x + padLeft − kw = ox·s inside dy.
// A strided conv's input gradient as a stride-1 conv (polyphase, src/core/nn/conv.ts) spends
// ⌈K/s⌉²·s² / K² times the multiply-adds (16/9 for 3×3, stride 2) plus a pad and an
// interleave; this gathers only the taps that exist. The filter is first laid out as
// Wt[kh, kw, co, ci] (scratch), so input channels are contiguous per (tap, co).
// Pixels of one phase (y mod s, x mod s) with the same set of taps read dy at the same places
// shifted by one offset each, so four of them share every weight load: a block of 4 pixels ×
// 8 input channels (8 f32x4 accumulators; per (tap, co) two weight vectors and four
// broadcast loads feed 8 multiply-adds, as in the forward kernel). A phase's pixels, across
// the batch, wait by tap set (its rows and columns of taps differ at the borders only) until
// four have the same; the rest go one at a time (16 channels a block).
// scratch: kH·kW·Ci·Co floats, then 2·kH·kW i32 (a pixel's taps), then 16 × 14 i32 (the
// tap sets of a phase and the pixels, of any image, waiting in each), then H + W i32 (each
// row's and each column's taps).

import { madd } from './simd';

export function convInputGradient(
  dy: usize, w: usize, dx: usize, scratch: usize,
  batch: i32, height: i32, width: i32, inC: i32,
  outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, stride: i32, padTop: i32, padLeft: i32,
): void {
  const taps = kH * kW;
  for (let t = 0; t < taps; t++)
    for (let ci = 0; ci < inC; ci++)
      for (let co = 0; co < outC; co++)
        store<f32>(
          scratch + (<usize>((t * outC + co) * inC + ci) << 2),
          load<f32>(w + (<usize>((t * inC + ci) * outC + co) << 2)),
        );
  const list = scratch + (<usize>(taps * inC * outC) << 2);
  // per tap set of a phase: its mask, how many pixels wait, their (b, y, x)
  const waitingAt = list + (<usize>taps << 3);
  const slotBytes: usize = 56;
  const maxSlots = 16;
  const pixelBytes = <usize>inC << 2;
  // a pixel's taps are its row's kernel rows and its column's kernel columns: each row's
  // and each column's, once (a mask holds up to 16 rows, bits 0–15, and 16 columns, bits 16–31)
  const rowMasks = waitingAt + <usize>maxSlots * slotBytes;
  const colMasks = rowMasks + (<usize>height << 2);
  axisMasks(rowMasks, height, kH, outH, stride, padTop, 0);
  axisMasks(colMasks, width, kW, outW, stride, padLeft, 16);
  // a block takes 8 channels or more
  const blocked = kH <= 16 && kW <= 16 && inC >= 8;
  for (let py = 0; py < stride; py++)
    for (let px = 0; px < stride; px++) {
      let slots = 0; // masks seen in this phase, each with up to three pixels waiting
      for (let b = 0; b < batch; b++)
        for (let y = py; y < height; y += stride)
          for (let x = px; x < width; x += stride) {
            const mask = load<i32>(rowMasks + (<usize>y << 2)) | load<i32>(colMasks + (<usize>x << 2));
            // a pixel with no taps at all is zeros: one at a time
            const blockable = blocked && (mask & 0xffff) != 0 && mask >>> 16 != 0;
            let slot = waitingAt;
            let found = false;
            if (blockable)
              for (let i = 0; i < slots; i++, slot += slotBytes)
                if (load<i32>(slot) == mask) {
                  found = true;
                  break;
                }
            if (!blockable || (!found && slots == maxSlots)) {
              // one at a time: no blocks, or too many tap sets
              const count = tapList(list, mask, b, y, x, outH, outW, outC, inC, kH, kW, stride, padTop, padLeft);
              onePixel(dy, scratch, list, count, dx + <usize>((b * height + y) * width + x) * pixelBytes, inC, outC);
              continue;
            }
            if (!found) {
              store<i32>(slot, mask);
              store<i32>(slot, 0, 4);
              slots++;
            }
            const waiting = load<i32>(slot, 4);
            const at = slot + 8 + <usize>waiting * 12;
            store<i32>(at, b);
            store<i32>(at, y, 4);
            store<i32>(at, x, 8);
            if (waiting < 3) {
              store<i32>(slot, waiting + 1, 4);
              continue;
            }
            store<i32>(slot, 0, 4);
            four(dy, dx, scratch, list, slot + 8, mask, height, width, outH, outW, outC, inC, kH, kW, stride, padTop, padLeft);
          }
      for (let i = 0; i < slots; i++) {
        const slot = waitingAt + <usize>i * slotBytes;
        alone(dy, dx, scratch, list, slot + 8, load<i32>(slot, 4), load<i32>(slot), height, width, outH, outW, outC, inC, kH, kW, stride, padTop, padLeft);
      }
    }
}

/** Four waiting pixels ((b, y, x) at `pixels`) with the same taps, as one block. */
function four(
  dy: usize, dx: usize, scratch: usize, list: usize, pixels: usize, mask: i32,
  height: i32, width: i32, outH: i32, outW: i32, outC: i32, inC: i32,
  kH: i32, kW: i32, stride: i32, padTop: i32, padLeft: i32,
): void {
  const b0 = load<i32>(pixels), y0 = load<i32>(pixels, 4), x0 = load<i32>(pixels, 8);
  const count = tapList(list, mask, b0, y0, x0, outH, outW, outC, inC, kH, kW, stride, padTop, padLeft);
  // pixel i reads dy `shift` bytes after pixel 0, at every tap
  const pixelBytes = <usize>inC << 2;
  const out0 = dx + <usize>((b0 * height + y0) * width + x0) * pixelBytes;
  let shift1 = 0, shift2 = 0, shift3 = 0;
  let out1 = out0, out2 = out0, out3 = out0;
  for (let i = 1; i < 4; i++) {
    const at = pixels + <usize>i * 12;
    const b = load<i32>(at), y = load<i32>(at, 4), x = load<i32>(at, 8);
    const shift = (((b - b0) * outH + exactDiv(y - y0, stride)) * outW + exactDiv(x - x0, stride)) * outC * 4;
    const out = dx + <usize>((b * height + y) * width + x) * pixelBytes;
    if (i == 1) { shift1 = shift; out1 = out; }
    else if (i == 2) { shift2 = shift; out2 = out; }
    else { shift3 = shift; out3 = out; }
  }
  fourPixels(dy, scratch, list, count, shift1, shift2, shift3, out0, out1, out2, out3, inC, outC);
}

/** v / stride for a multiple v of the stride: a shift at stride 2 (an i32 division costs ~12 cycles, and a block of four pixels took twelve). */
@inline function exactDiv(v: i32, stride: i32): i32 {
  return stride == 2 ? v >> 1 : v / stride;
}

/**
 * For each position v of an axis of dx (size of them), its kernel taps k that reach dy:
 * v + pad − k a multiple of the stride inside [0, outSize·stride), as bits from `bit` on.
 * No division per pixel: a pixel's mask is its row's | its column's.
 */
function axisMasks(out: usize, size: i32, k: i32, outSize: i32, stride: i32, pad: i32, bit: i32): void {
  for (let v = 0; v < size; v++) {
    let mask = 0;
    for (let kk = 0; kk < k; kk++) {
      const t = v + pad - kk;
      if (t >= 0 && t < outSize * stride && t % stride == 0) mask |= 1 << (bit + kk);
    }
    store<i32>(out + (<usize>v << 2), mask);
  }
}

/** The taps of a pixel's mask into `list`, (dy byte offset, Wt tap byte offset) pairs; their count. */
function tapList(
  list: usize, mask: i32, b: i32, y: i32, x: i32, outH: i32, outW: i32, outC: i32, inC: i32,
  kH: i32, kW: i32, stride: i32, padTop: i32, padLeft: i32,
): i32 {
  let count = 0;
  for (let kh = 0; kh < kH; kh++) {
    if (!((mask >> kh) & 1)) continue;
    const oy = exactDiv(y + padTop - kh, stride);
    for (let kw = 0; kw < kW; kw++) {
      if (!((mask >> (16 + kw)) & 1)) continue;
      const ox = exactDiv(x + padLeft - kw, stride);
      const entry = list + (<usize>count << 3);
      store<i32>(entry, ((b * outH + oy) * outW + ox) * outC * 4);
      store<i32>(entry, (kh * kW + kw) * outC * inC * 4, 4);
      count++;
    }
  }
  return count;
}

/** The waiting pixels ((b, y, x) at `pixels`, fewer than four, the same taps) one at a time. */
function alone(
  dy: usize, dx: usize, scratch: usize, list: usize, pixels: usize, waiting: i32, mask: i32,
  height: i32, width: i32, outH: i32, outW: i32, outC: i32, inC: i32,
  kH: i32, kW: i32, stride: i32, padTop: i32, padLeft: i32,
): void {
  for (let i = 0; i < waiting; i++) {
    const at = pixels + <usize>i * 12;
    const b = load<i32>(at), y = load<i32>(at, 4), x = load<i32>(at, 8);
    const count = tapList(list, mask, b, y, x, outH, outW, outC, inC, kH, kW, stride, padTop, padLeft);
    onePixel(dy, scratch, list, count, dx + <usize>((b * height + y) * width + x) * (<usize>inC << 2), inC, outC);
  }
}

/** Four pixels with the same taps, pixel i reading dy shift_i bytes after pixel 0. */
function fourPixels(
  dy: usize, scratch: usize, list: usize, count: i32,
  shift1: i32, shift2: i32, shift3: i32,
  out0: usize, out1: usize, out2: usize, out3: usize, inC: i32, outC: i32,
): void {
  const coBytes = <usize>inC << 2; // one co row of a tap of Wt
  let ci = 0;
  for (; ci + 8 <= inC; ci += 8) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), b0 = a0, b1 = a0;
    let c0 = a0, c1 = a0, d0 = a0, d1 = a0;
    for (let t = 0; t < count; t++) {
      const entry = list + (<usize>t << 3);
      let d = dy + <usize>load<i32>(entry);
      let p = scratch + <usize>load<i32>(entry, 4) + (<usize>ci << 2);
      for (let co = 0; co < outC; co++, p += coBytes, d += 4) {
        const w0 = v128.load(p);
        const w1 = v128.load(p, 16);
        const x0 = v128.load32_splat(d);
        const x1 = v128.load32_splat(d + <usize>shift1);
        const x2 = v128.load32_splat(d + <usize>shift2);
        const x3 = v128.load32_splat(d + <usize>shift3);
        a0 = madd(x0, w0, a0);
        a1 = madd(x0, w1, a1);
        b0 = madd(x1, w0, b0);
        b1 = madd(x1, w1, b1);
        c0 = madd(x2, w0, c0);
        c1 = madd(x2, w1, c1);
        d0 = madd(x3, w0, d0);
        d1 = madd(x3, w1, d1);
      }
    }
    const o = <usize>ci << 2;
    v128.store(out0 + o, a0); v128.store(out0 + o, a1, 16);
    v128.store(out1 + o, b0); v128.store(out1 + o, b1, 16);
    v128.store(out2 + o, c0); v128.store(out2 + o, c1, 16);
    v128.store(out3 + o, d0); v128.store(out3 + o, d1, 16);
  }
  // the channels past the last 8, one at a time for the four pixels
  for (; ci < inC; ci++) {
    let a: f32 = 0, b: f32 = 0, c: f32 = 0, e: f32 = 0;
    for (let t = 0; t < count; t++) {
      const entry = list + (<usize>t << 3);
      let d = dy + <usize>load<i32>(entry);
      let p = scratch + <usize>load<i32>(entry, 4) + (<usize>ci << 2);
      for (let co = 0; co < outC; co++, p += coBytes, d += 4) {
        const wv = load<f32>(p);
        a += load<f32>(d) * wv;
        b += load<f32>(d + <usize>shift1) * wv;
        c += load<f32>(d + <usize>shift2) * wv;
        e += load<f32>(d + <usize>shift3) * wv;
      }
    }
    const o = <usize>ci << 2;
    store<f32>(out0 + o, a);
    store<f32>(out1 + o, b);
    store<f32>(out2 + o, c);
    store<f32>(out3 + o, e);
  }
}

/** One pixel: 16 input channels a block, then 4, then one. */
function onePixel(dy: usize, scratch: usize, list: usize, count: i32, out: usize, inC: i32, outC: i32): void {
  const coBytes = <usize>inC << 2;
  let ci = 0;
  for (; ci + 16 <= inC; ci += 16) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    for (let t = 0; t < count; t++) {
      const entry = list + (<usize>t << 3);
      const d = dy + <usize>load<i32>(entry);
      let p = scratch + <usize>load<i32>(entry, 4) + (<usize>ci << 2);
      for (let co = 0; co < outC; co++, p += coBytes) {
        const v = v128.load32_splat(d + (<usize>co << 2));
        a0 = madd(v, v128.load(p), a0);
        a1 = madd(v, v128.load(p, 16), a1);
        a2 = madd(v, v128.load(p, 32), a2);
        a3 = madd(v, v128.load(p, 48), a3);
      }
    }
    const o = out + (<usize>ci << 2);
    v128.store(o, a0);
    v128.store(o, a1, 16);
    v128.store(o, a2, 32);
    v128.store(o, a3, 48);
  }
  for (; ci + 4 <= inC; ci += 4) {
    let a0 = f32x4.splat(0);
    for (let t = 0; t < count; t++) {
      const entry = list + (<usize>t << 3);
      const d = dy + <usize>load<i32>(entry);
      let p = scratch + <usize>load<i32>(entry, 4) + (<usize>ci << 2);
      for (let co = 0; co < outC; co++, p += coBytes)
        a0 = madd(v128.load32_splat(d + (<usize>co << 2)), v128.load(p), a0);
    }
    v128.store(out + (<usize>ci << 2), a0);
  }
  for (; ci < inC; ci++) {
    let a: f32 = 0;
    for (let t = 0; t < count; t++) {
      const entry = list + (<usize>t << 3);
      const d = dy + <usize>load<i32>(entry);
      let p = scratch + <usize>load<i32>(entry, 4) + (<usize>ci << 2);
      for (let co = 0; co < outC; co++, p += coBytes) a += load<f32>(d + (<usize>co << 2)) * load<f32>(p);
    }
    store<f32>(out + (<usize>ci << 2), a);
  }
}
