// ---------------------------------------------------------------------------------------
// Convolution filter gradient
// dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · dy[b, oh, ow, co]
// (the correlation of the input with dy: an im2col(x)ᵀ · dy matmul, done without
// materialising im2col). Per tap, the output positions whose input pixel is inside the
// image form a rectangle, so padding costs nothing. Where its rows are short (4 or 2 output
// positions at the labs' last strided convs) their (x, dy) offsets are listed once per tap
// (`list`: 2 i32 per output position) and the block runs one loop over all of them; longer
// rows run row by row. Register block: 4 input channels × 8 output channels (8 f32x4
// accumulators) over every output position.

import { madd } from './simd';

/** Rows of at most this many output positions run from the list (docs/PERFORMANCE.md round 14). */
const shortRow = 4;
/** Output positions of a chunk of rows (rounded down to whole rows, at least one). */
const chunkPositions = 64;

@inline function ceilDiv(a: i32, b: i32): i32 {
  return a > 0 ? (a + b - 1) / b : -((-a) / b);
}

export function convFilterGradient(
  x: usize, dy: usize, out: usize, list: usize,
  batch: i32, height: i32, width: i32, inC: i32,
  outH: i32, outW: i32, outC: i32,
  kH: i32, kW: i32, stride: i32, padTop: i32, padLeft: i32,
): void {
  const xRow = width * inC; // floats per input row
  const dyRow = outW * outC;
  for (let kh = 0; kh < kH; kh++) {
    // oh with 0 ≤ oh·s + kh − padTop < height
    let oh0 = ceilDiv(padTop - kh, stride);
    if (oh0 < 0) oh0 = 0;
    let oh1 = (height - 1 + padTop - kh) / stride + 1; // exclusive
    if (height - 1 + padTop - kh < 0) oh1 = 0;
    if (oh1 > outH) oh1 = outH;
    for (let kw = 0; kw < kW; kw++) {
      let ow0 = ceilDiv(padLeft - kw, stride);
      if (ow0 < 0) ow0 = 0;
      let ow1 = (width - 1 + padLeft - kw) / stride + 1;
      if (width - 1 + padLeft - kw < 0) ow1 = 0;
      if (ow1 > outW) ow1 = outW;
      const tapOut = out + (<usize>((kh * kW + kw) * inC * outC) << 2);
      // short rows: the tap's (x, dy) byte offsets, every output position inside the image,
      // in one list
      const listed = ow1 - ow0 <= shortRow && inC >= 4;
      let count = 0;
      if (listed)
        for (let b = 0; b < batch; b++)
          for (let oh = oh0; oh < oh1; oh++) {
            const ih = oh * stride + kh - padTop;
            for (let ow = ow0; ow < ow1; ow++, count++) {
              const entry = list + (<usize>count << 3);
              store<i32>(entry, ((b * height + ih) * xRow + (ow * stride + kw - padLeft) * inC) << 2);
              store<i32>(entry, ((b * outH + oh) * dyRow + ow * outC) << 2, 4);
            }
          }
      // a chunk of the positions at a time (list entries, or whole output rows) for every
      // channel block, so the chunk's x and dy stay in L1 from one block to the next (each
      // block streamed the whole batch from L2 before); the accumulators wait in the output
      // between chunks, and every sum takes its terms in the same order as in one pass
      const ohCount = oh1 - oh0;
      const rows = batch * ohCount;
      const span = ow1 - ow0;
      const units = listed ? count : rows;
      const perChunk = listed
        ? chunkPositions
        : span <= 0 ? max(rows, 1) : max(1, chunkPositions / span);
      for (let r0 = 0; r0 == 0 || r0 < units; r0 += perChunk) {
        const r1 = min(units, r0 + perChunk);
        let ci = 0;
        for (; ci + 4 <= inC; ci += 4) {
          let co = 0;
          for (; co + 8 <= outC; co += 8) {
            const o = tapOut + (<usize>(ci * outC + co) << 2);
            const rowBytes = <usize>outC << 2;
            let a0 = f32x4.splat(0), a1 = f32x4.splat(0), b0 = f32x4.splat(0), b1 = f32x4.splat(0);
            let c0 = f32x4.splat(0), c1 = f32x4.splat(0), d0 = f32x4.splat(0), d1 = f32x4.splat(0);
            if (r0 > 0) {
              a0 = v128.load(o); a1 = v128.load(o, 16);
              b0 = v128.load(o + rowBytes); b1 = v128.load(o + rowBytes, 16);
              c0 = v128.load(o + 2 * rowBytes); c1 = v128.load(o + 2 * rowBytes, 16);
              d0 = v128.load(o + 3 * rowBytes); d1 = v128.load(o + 3 * rowBytes, 16);
            }
            if (listed) {
              const xBase = x + (<usize>ci << 2);
              const dyBase = dy + (<usize>co << 2);
              for (let i = r0; i < r1; i++) {
                const entry = list + (<usize>i << 3);
                const xp = xBase + <usize>load<i32>(entry);
                const dp = dyBase + <usize>load<i32>(entry, 4);
                const g0 = v128.load(dp);
                const g1 = v128.load(dp, 16);
                const xv = v128.load(xp);
                const x0 = f32x4.splat(f32x4.extract_lane(xv, 0));
                const x1 = f32x4.splat(f32x4.extract_lane(xv, 1));
                const x2 = f32x4.splat(f32x4.extract_lane(xv, 2));
                const x3 = f32x4.splat(f32x4.extract_lane(xv, 3));
                a0 = madd(x0, g0, a0);
                a1 = madd(x0, g1, a1);
                b0 = madd(x1, g0, b0);
                b1 = madd(x1, g1, b1);
                c0 = madd(x2, g0, c0);
                c1 = madd(x2, g1, c1);
                d0 = madd(x3, g0, d0);
                d1 = madd(x3, g1, d1);
              }
            } else
              for (let r = r0, b = r0 / ohCount, oh = oh0 + r0 % ohCount; r < r1; r++) {
                if (oh == oh1) {
                  oh = oh0;
                  b++;
                }
                const ih = oh * stride + kh - padTop;
                let xp = x + (<usize>((b * height + ih) * xRow + (ow0 * stride + kw - padLeft) * inC + ci) << 2);
                let dp = dy + (<usize>((b * outH + oh) * dyRow + ow0 * outC + co) << 2);
                const xStep = <usize>(stride * inC) << 2;
                const dStep = <usize>outC << 2;
                for (let ow = ow0; ow < ow1; ow++) {
                  const g0 = v128.load(dp);
                  const g1 = v128.load(dp, 16);
                  const xv = v128.load(xp);
                  const x0 = f32x4.splat(f32x4.extract_lane(xv, 0));
                  const x1 = f32x4.splat(f32x4.extract_lane(xv, 1));
                  const x2 = f32x4.splat(f32x4.extract_lane(xv, 2));
                  const x3 = f32x4.splat(f32x4.extract_lane(xv, 3));
                  a0 = madd(x0, g0, a0);
                  a1 = madd(x0, g1, a1);
                  b0 = madd(x1, g0, b0);
                  b1 = madd(x1, g1, b1);
                  c0 = madd(x2, g0, c0);
                  c1 = madd(x2, g1, c1);
                  d0 = madd(x3, g0, d0);
                  d1 = madd(x3, g1, d1);
                  xp += xStep;
                  dp += dStep;
                }
                oh++;
              }
            v128.store(o, a0);
            v128.store(o, a1, 16);
            v128.store(o + rowBytes, b0);
            v128.store(o + rowBytes, b1, 16);
            v128.store(o + 2 * rowBytes, c0);
            v128.store(o + 2 * rowBytes, c1, 16);
            v128.store(o + 3 * rowBytes, d0);
            v128.store(o + 3 * rowBytes, d1, 16);
          }
          // the rest of the output channels in one pass (in the first chunk)
          if (r0 > 0) continue;
          for (; co + 4 <= outC; co += 4) {
            let a0 = f32x4.splat(0), b0 = f32x4.splat(0), c0 = f32x4.splat(0), d0 = f32x4.splat(0);
            for (let b = 0; b < batch; b++) {
              for (let oh = oh0; oh < oh1; oh++) {
                const ih = oh * stride + kh - padTop;
                let xp = x + (<usize>((b * height + ih) * xRow + (ow0 * stride + kw - padLeft) * inC + ci) << 2);
                let dp = dy + (<usize>((b * outH + oh) * dyRow + ow0 * outC + co) << 2);
                const xStep = <usize>(stride * inC) << 2;
                const dStep = <usize>outC << 2;
                for (let ow = ow0; ow < ow1; ow++) {
                  const g0 = v128.load(dp);
                  const xv = v128.load(xp);
                  a0 = madd(f32x4.splat(f32x4.extract_lane(xv, 0)), g0, a0);
                  b0 = madd(f32x4.splat(f32x4.extract_lane(xv, 1)), g0, b0);
                  c0 = madd(f32x4.splat(f32x4.extract_lane(xv, 2)), g0, c0);
                  d0 = madd(f32x4.splat(f32x4.extract_lane(xv, 3)), g0, d0);
                  xp += xStep;
                  dp += dStep;
                }
              }
            }
            const o = tapOut + (<usize>(ci * outC + co) << 2);
            const rowBytes = <usize>outC << 2;
            v128.store(o, a0);
            v128.store(o + rowBytes, b0);
            v128.store(o + 2 * rowBytes, c0);
            v128.store(o + 3 * rowBytes, d0);
          }
          if (co < outC) scalarBlock(x, dy, tapOut, batch, height, width, inC, outH, outW, outC, kh, kw, stride, padTop, padLeft, oh0, oh1, ow0, ow1, ci, ci + 4, co);
        }
        if (ci < inC && r0 == 0) singleChannels(x, dy, tapOut, batch, height, width, inC, outH, outW, outC, kh, kw, stride, padTop, padLeft, oh0, oh1, ow0, ow1, ci);
      }
    }
  }
}

/**
 * Input channels [ci, inC): three (the RGB first layer) together by 8 output channels, else
 * one at a time by 16 output channels, then 4.
 */
function singleChannels(
  x: usize, dy: usize, tapOut: usize,
  batch: i32, height: i32, width: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kh: i32, kw: i32, stride: i32, padTop: i32, padLeft: i32,
  oh0: i32, oh1: i32, ow0: i32, ow1: i32, ciStart: i32,
): void {
  // three channels left (RGB): all three per output position, 8 output channels a block —
  // one pass over dy where a channel at a time took three (the same sums, the same order)
  let coDone = 0;
  if (inC - ciStart == 3) {
    const ci = ciStart;
    for (; coDone + 8 <= outC; coDone += 8) {
      let r0 = f32x4.splat(0), r1 = r0, g0 = r0, g1 = r0, b0 = r0, b1 = r0;
      for (let b = 0; b < batch; b++)
        for (let oh = oh0; oh < oh1; oh++) {
          const ih = oh * stride + kh - padTop;
          let xp = x + (<usize>(((b * height + ih) * width + ow0 * stride + kw - padLeft) * inC + ci) << 2);
          let dp = dy + (<usize>(((b * outH + oh) * outW + ow0) * outC + coDone) << 2);
          for (let ow = ow0; ow < ow1; ow++) {
            const d0 = v128.load(dp), d1 = v128.load(dp, 16);
            const xr = v128.load32_splat(xp), xg = v128.load32_splat(xp, 4), xb = v128.load32_splat(xp, 8);
            r0 = madd(xr, d0, r0); r1 = madd(xr, d1, r1);
            g0 = madd(xg, d0, g0); g1 = madd(xg, d1, g1);
            b0 = madd(xb, d0, b0); b1 = madd(xb, d1, b1);
            xp += <usize>(stride * inC) << 2;
            dp += <usize>outC << 2;
          }
        }
      const o = tapOut + (<usize>(ci * outC + coDone) << 2);
      const row = <usize>outC << 2;
      v128.store(o, r0); v128.store(o, r1, 16);
      v128.store(o + row, g0); v128.store(o + row, g1, 16);
      v128.store(o + 2 * row, b0); v128.store(o + 2 * row, b1, 16);
    }
  }
  for (let ci = ciStart; ci < inC; ci++) {
    let co = coDone;
    for (; co + 16 <= outC; co += 16) {
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      for (let b = 0; b < batch; b++)
        for (let oh = oh0; oh < oh1; oh++) {
          const ih = oh * stride + kh - padTop;
          let xp = x + (<usize>(((b * height + ih) * width + ow0 * stride + kw - padLeft) * inC + ci) << 2);
          let dp = dy + (<usize>(((b * outH + oh) * outW + ow0) * outC + co) << 2);
          for (let ow = ow0; ow < ow1; ow++) {
            const xs = f32x4.splat(load<f32>(xp));
            a0 = madd(xs, v128.load(dp), a0);
            a1 = madd(xs, v128.load(dp, 16), a1);
            a2 = madd(xs, v128.load(dp, 32), a2);
            a3 = madd(xs, v128.load(dp, 48), a3);
            xp += <usize>(stride * inC) << 2;
            dp += <usize>outC << 2;
          }
        }
      const o = tapOut + (<usize>(ci * outC + co) << 2);
      v128.store(o, a0);
      v128.store(o, a1, 16);
      v128.store(o, a2, 32);
      v128.store(o, a3, 48);
    }
    for (; co + 4 <= outC; co += 4) {
      let a0 = f32x4.splat(0);
      for (let b = 0; b < batch; b++)
        for (let oh = oh0; oh < oh1; oh++) {
          const ih = oh * stride + kh - padTop;
          let xp = x + (<usize>(((b * height + ih) * width + ow0 * stride + kw - padLeft) * inC + ci) << 2);
          let dp = dy + (<usize>(((b * outH + oh) * outW + ow0) * outC + co) << 2);
          for (let ow = ow0; ow < ow1; ow++) {
            a0 = madd(f32x4.splat(load<f32>(xp)), v128.load(dp), a0);
            xp += <usize>(stride * inC) << 2;
            dp += <usize>outC << 2;
          }
        }
      v128.store(tapOut + (<usize>(ci * outC + co) << 2), a0);
    }
    if (co < outC) scalarBlock(x, dy, tapOut, batch, height, width, inC, outH, outW, outC, kh, kw, stride, padTop, padLeft, oh0, oh1, ow0, ow1, ci, ci + 1, co);
  }
}

/** The remainder: input channels [ci0, ci1) × output channels [coStart, outC), scalar. */
function scalarBlock(
  x: usize, dy: usize, tapOut: usize,
  batch: i32, height: i32, width: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kh: i32, kw: i32, stride: i32, padTop: i32, padLeft: i32,
  oh0: i32, oh1: i32, ow0: i32, ow1: i32, ci0: i32, ci1: i32, coStart: i32,
): void {
  for (let ci = ci0; ci < ci1; ci++)
    for (let co = coStart; co < outC; co++) {
      let sum: f32 = 0;
      for (let b = 0; b < batch; b++)
        for (let oh = oh0; oh < oh1; oh++) {
          const ih = oh * stride + kh - padTop;
          for (let ow = ow0; ow < ow1; ow++) {
            const iw = ow * stride + kw - padLeft;
            sum += load<f32>(x + (<usize>(((b * height + ih) * width + iw) * inC + ci) << 2)) *
              load<f32>(dy + (<usize>(((b * outH + oh) * outW + ow) * outC + co) << 2));
          }
        }
      store<f32>(tapOut + (<usize>(ci * outC + co) << 2), sum);
    }
}
