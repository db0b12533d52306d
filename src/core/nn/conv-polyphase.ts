import * as tf from '@tensorflow/tfjs-core';
import { geometry, padOrCrop, type Padding } from './conv-geometry';
import { simdKernelsActive } from './simd-kernels';
import { polyphaseFilterKernel } from './simd-ops';

/**
 * Gather indices that turn a flat filter [KH·KW·Ci·Co] followed by one zero into the
 * polyphase input-gradient filter [JH, JW, Co, s·s·Ci] (see `polyphaseInputGradient`).
 * Cached per shape: built once in JS, a few thousand int32s.
 */
const polyphaseIndexCache = new Map<string, Int32Array>();
function polyphaseIndices(kH: number, kW: number, ci: number, co: number, s: number): Int32Array {
  const key = `${kH},${kW},${ci},${co},${s}`;
  const cached = polyphaseIndexCache.get(key);
  if (cached) return cached;
  const jH = Math.ceil(kH / s);
  const jW = Math.ceil(kW / s);
  const zero = kH * kW * ci * co;
  const indices = new Int32Array(jH * jW * co * s * s * ci);
  let n = 0;
  for (let th = 0; th < jH; th++)
    for (let tw = 0; tw < jW; tw++)
      for (let o = 0; o < co; o++)
        for (let rh = 0; rh < s; rh++)
          for (let rw = 0; rw < s; rw++)
            for (let i = 0; i < ci; i++) {
              // tap (th, tw) of phase (rh, rw) reads kernel row rh + s·(JH−1−th)
              const kh = rh + s * (jH - 1 - th);
              const kw = rw + s * (jW - 1 - tw);
              indices[n++] = kh < kH && kw < kW ? ((kh * kW + kw) * ci + i) * co + o : zero;
            }
  polyphaseIndexCache.set(key, indices);
  return indices;
}

/**
 * Strided input gradient as ONE stride-1 conv over dy (sub-pixel / polyphase form):
 * the padded-input row i' = q·s + r receives Σ_j dy[q − j]·W[r + s·j], so each of the s²
 * phases (r_h, r_w) is a small ⌈K/s⌉² correlation of dy, and all phases share that input:
 * one conv with s²·Ci output channels, then a depth-to-space interleave from a rank-4
 * reshape/transpose. s² fewer multiply-adds than a conv over zero-stuffed dy, and no
 * stuffing.  dy: [B, OH, OW, Co] → [B, H, W, Ci]
 */
export function polyphaseInputGradient(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: [number, number, number, number],
  stride: number,
  pad: Padding,
): tf.Tensor4D {
  const [b, h, w, ci] = inputShape;
  const [kH, kW, , co] = filter.shape;
  const [, outH, outW] = dy.shape;
  const s = stride;
  const { padTop, padLeft } = geometry(h, w, kH, kW, s, pad);
  const jH = Math.ceil(kH / s);
  const jW = Math.ceil(kW / s);
  const phasesH = Math.ceil((h + padTop) / s);
  const phasesW = Math.ceil((w + padLeft) / s);
  const polyphase = simdKernelsActive()
    ? polyphaseFilterKernel(filter, s)
    : (tf
        .gather(
          tf.concat([filter.reshape([-1]), tf.zeros([1])]),
          tf.tensor1d(polyphaseIndices(kH, kW, ci, co, s), 'int32'),
        )
        .reshape([jH, jW, co, s * s * ci]) as tf.Tensor4D);
  const padded = padOrCrop(dy, jH - 1, phasesH - outH, jW - 1, phasesW - outW);
  const phases = tf.conv2d(padded, polyphase, 1, 'valid'); // [B, QH, QW, s·s·Ci]
  // rank 4 throughout (WebGL): [B·QH, QW, rh, (rw, Ci)] → [B·QH, rh, QW, (rw, Ci)]
  const interleaved = phases
    .reshape([b * phasesH, phasesW, s, s * ci])
    .transpose([0, 2, 1, 3])
    .reshape([b, phasesH * s, phasesW * s, ci]) as tf.Tensor4D;
  return padOrCrop(
    interleaved,
    -padTop,
    h + padTop - phasesH * s,
    -padLeft,
    w + padLeft - phasesW * s,
  );
}
