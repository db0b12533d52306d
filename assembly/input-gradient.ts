// ---------------------------------------------------------------------------------------
// Convolution input gradient, direct, for any stride
// dx[b, y, x, ci] = Σ_{kh, kw, co} dy[b, oy, ox, co] · W[kh, kw, ci, co]
//   over the taps with y + padTop − kh = oy·s and x + padLeft − kw = ox·s inside dy.
// A strided conv's input gradient as a stride-1 conv (polyphase, src/core/nn/conv.ts) spends
// ⌈K/s⌉²·s² / K² times the multiply-adds (16/9 for 3×3, stride 2) plus a pad and an
// interleave; this gathers only the taps that exist. The filter is first laid out as
// Wt[kh, kw, co, ci] (scratch), so 16 input channels are 4 f32x4 loads per (tap, co).
// scratch: kH·kW·Ci·Co floats, then 2·kH·kW i32 (the pixel's taps).

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
  const coBytes = <usize>inC << 2; // one co row of a tap of Wt
  let out = dx;
  for (let b = 0; b < batch; b++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++, out += coBytes) {
        // the taps of this pixel: (dy row, Wt tap) byte offsets
        let count = 0;
        for (let kh = 0; kh < kH; kh++) {
          const ty = y + padTop - kh;
          if (ty < 0 || ty % stride != 0) continue;
          const oy = ty / stride;
          if (oy >= outH) continue;
          for (let kw = 0; kw < kW; kw++) {
            const tx = x + padLeft - kw;
            if (tx < 0 || tx % stride != 0) continue;
            const ox = tx / stride;
            if (ox >= outW) continue;
            const entry = list + (<usize>count << 3);
            store<i32>(entry, ((b * outH + oy) * outW + ox) * outC * 4);
            store<i32>(entry, (kh * kW + kw) * outC * inC * 4, 4);
            count++;
          }
        }
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
}
