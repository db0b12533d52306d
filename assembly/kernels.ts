// AssemblyScript SIMD kernels for the hot spots of the wasm training step (issue #12).
// They run inside the memory of tfjs' own wasm backend (imported, shared in the threaded
// build): every pointer is a byte offset of a tensor tfjs already holds
// (backend.dataIdMap.get(dataId).memoryOffset), so nothing is copied in or out. This module
// owns no memory of its own: no data segments, no heap, no shadow stack (--runtime stub,
// nothing allocated); per-channel scratch is a block the caller malloc'ed from tfjs' heap.
// Layouts are tfjs' NHWC; a batch-norm input is viewed as [rows, C] with rows = B·H·W.
// Built by scripts/kernels.mjs (npm's assemblyscript), never checked in as a binary.

// ---------------------------------------------------------------------------------------
// Convolution filter gradient
// dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · dy[b, oh, ow, co]
// (the correlation of the input with dy: an im2col(x)ᵀ · dy matmul, done without
// materialising im2col). Per tap, the output positions whose input pixel is inside the
// image form a rectangle, so padding costs nothing. Register block: 4 input channels ×
// 8 output channels (8 f32x4 accumulators) over every output position.

@inline function ceilDiv(a: i32, b: i32): i32 {
  return a > 0 ? (a + b - 1) / b : -((-a) / b);
}

export function convFilterGradient(
  x: usize, dy: usize, out: usize,
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
      let ci = 0;
      for (; ci + 4 <= inC; ci += 4) {
        let co = 0;
        for (; co + 8 <= outC; co += 8) {
          let a0 = f32x4.splat(0), a1 = f32x4.splat(0), b0 = f32x4.splat(0), b1 = f32x4.splat(0);
          let c0 = f32x4.splat(0), c1 = f32x4.splat(0), d0 = f32x4.splat(0), d1 = f32x4.splat(0);
          for (let b = 0; b < batch; b++) {
            for (let oh = oh0; oh < oh1; oh++) {
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
                a0 = f32x4.add(a0, f32x4.mul(x0, g0));
                a1 = f32x4.add(a1, f32x4.mul(x0, g1));
                b0 = f32x4.add(b0, f32x4.mul(x1, g0));
                b1 = f32x4.add(b1, f32x4.mul(x1, g1));
                c0 = f32x4.add(c0, f32x4.mul(x2, g0));
                c1 = f32x4.add(c1, f32x4.mul(x2, g1));
                d0 = f32x4.add(d0, f32x4.mul(x3, g0));
                d1 = f32x4.add(d1, f32x4.mul(x3, g1));
                xp += xStep;
                dp += dStep;
              }
            }
          }
          const o = tapOut + (<usize>(ci * outC + co) << 2);
          const rowBytes = <usize>outC << 2;
          v128.store(o, a0);
          v128.store(o, a1, 16);
          v128.store(o + rowBytes, b0);
          v128.store(o + rowBytes, b1, 16);
          v128.store(o + 2 * rowBytes, c0);
          v128.store(o + 2 * rowBytes, c1, 16);
          v128.store(o + 3 * rowBytes, d0);
          v128.store(o + 3 * rowBytes, d1, 16);
        }
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
                a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(f32x4.extract_lane(xv, 0)), g0));
                b0 = f32x4.add(b0, f32x4.mul(f32x4.splat(f32x4.extract_lane(xv, 1)), g0));
                c0 = f32x4.add(c0, f32x4.mul(f32x4.splat(f32x4.extract_lane(xv, 2)), g0));
                d0 = f32x4.add(d0, f32x4.mul(f32x4.splat(f32x4.extract_lane(xv, 3)), g0));
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
      if (ci < inC) singleChannels(x, dy, tapOut, batch, height, width, inC, outH, outW, outC, kh, kw, stride, padTop, padLeft, oh0, oh1, ow0, ow1, ci);
    }
  }
}

/** Input channels [ci, inC) one at a time (the RGB first layer), output channels by 16, then 4. */
function singleChannels(
  x: usize, dy: usize, tapOut: usize,
  batch: i32, height: i32, width: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kh: i32, kw: i32, stride: i32, padTop: i32, padLeft: i32,
  oh0: i32, oh1: i32, ow0: i32, ow1: i32, ciStart: i32,
): void {
  for (let ci = ciStart; ci < inC; ci++) {
    let co = 0;
    for (; co + 16 <= outC; co += 16) {
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      for (let b = 0; b < batch; b++)
        for (let oh = oh0; oh < oh1; oh++) {
          const ih = oh * stride + kh - padTop;
          let xp = x + (<usize>(((b * height + ih) * width + ow0 * stride + kw - padLeft) * inC + ci) << 2);
          let dp = dy + (<usize>(((b * outH + oh) * outW + ow0) * outC + co) << 2);
          for (let ow = ow0; ow < ow1; ow++) {
            const xs = f32x4.splat(load<f32>(xp));
            a0 = f32x4.add(a0, f32x4.mul(xs, v128.load(dp)));
            a1 = f32x4.add(a1, f32x4.mul(xs, v128.load(dp, 16)));
            a2 = f32x4.add(a2, f32x4.mul(xs, v128.load(dp, 32)));
            a3 = f32x4.add(a3, f32x4.mul(xs, v128.load(dp, 48)));
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
            a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(xp)), v128.load(dp)));
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

// ---------------------------------------------------------------------------------------
// Filter rearrangements for the input gradient (tfjs-wasm's Reverse and GatherV2 take
// milliseconds on a 64×64×3×3 filter; these are one pass of copies)

/** out[kh, kw, o, i] = w[KH−1−kh, KW−1−kw, i, o]: the stride-1 input-gradient filter. */
export function flipFilter(w: usize, out: usize, kH: i32, kW: i32, inC: i32, outC: i32): void {
  let q = out;
  for (let kh = 0; kh < kH; kh++)
    for (let kw = 0; kw < kW; kw++) {
      const tap = w + (<usize>(((kH - 1 - kh) * kW + kW - 1 - kw) * inC * outC) << 2);
      for (let o = 0; o < outC; o++)
        for (let i = 0; i < inC; i++, q += 4) store<f32>(q, load<f32>(tap + (<usize>(i * outC + o) << 2)));
    }
}

/**
 * The polyphase input-gradient filter [JH, JW, Co, s·s·Ci] of src/core/nn/conv.ts: tap
 * (th, tw) of phase (rh, rw) reads kernel row rh + s·(JH−1−th), zero past the kernel.
 */
export function polyphaseFilter(w: usize, out: usize, kH: i32, kW: i32, inC: i32, outC: i32, s: i32): void {
  const jH = (kH + s - 1) / s;
  const jW = (kW + s - 1) / s;
  let q = out;
  for (let th = 0; th < jH; th++)
    for (let tw = 0; tw < jW; tw++)
      for (let o = 0; o < outC; o++)
        for (let rh = 0; rh < s; rh++)
          for (let rw = 0; rw < s; rw++) {
            const kh = rh + s * (jH - 1 - th);
            const kw = rw + s * (jW - 1 - tw);
            if (kh < kH && kw < kW) {
              const tap = w + (<usize>((kh * kW + kw) * inC * outC + o) << 2);
              for (let i = 0; i < inC; i++, q += 4) store<f32>(q, load<f32>(tap + (<usize>(i * outC) << 2)));
            } else {
              memory.fill(q, 0, <usize>inC << 2);
              q += <usize>inC << 2;
            }
          }
}

// ---------------------------------------------------------------------------------------
// Bias gradient: out[c] = Σ_r x[r, c] over x: [rows, C] — one pass, where tfjs-wasm's Sum
// over the leading axes transposes the whole tensor first

export function channelSum(x: usize, out: usize, rows: i32, channels: i32): void {
  const rowBytes = <usize>channels << 2;
  memory.fill(out, 0, rowBytes);
  let p = x;
  if ((channels & 3) == 0)
    for (let r = 0; r < rows; r++, p += rowBytes)
      for (let c: usize = 0; c < rowBytes; c += 16)
        v128.store(out + c, f32x4.add(v128.load(out + c), v128.load(p + c)));
  else
    for (let r = 0; r < rows; r++, p += rowBytes)
      for (let c: usize = 0; c < rowBytes; c += 4)
        store<f32>(out + c, load<f32>(out + c) + load<f32>(p + c));
}

// ---------------------------------------------------------------------------------------
// Batch norm (training mode) fused with its activation, forward and backward
// (Ioffe & Szegedy 2015, §3). activation: 0 none, 1 ReLU, 2 LeakyReLU(slope).
// Channels in f32x4 lanes when C % 4 == 0, else one at a time.

@inline function activate(a: v128, activation: i32, slope: v128): v128 {
  if (activation == 1) return f32x4.max(a, f32x4.splat(0));
  if (activation == 2) return v128.bitselect(a, f32x4.mul(a, slope), f32x4.gt(a, f32x4.splat(0)));
  return a;
}

/**
 * x: [rows, C] → y = act(γ·(x − μ)·rstd + β); writes mean, variance (biased, as the batch
 * statistics), rstd = 1/√(var + ε). Two passes for the moments (no cancellation).
 * scratch: 2·C floats.
 */
export function batchNormForward(
  x: usize, gamma: usize, beta: usize, y: usize, mean: usize, variance: usize, rstd: usize,
  scratch: usize, rows: i32, channels: i32, epsilon: f32, activation: i32, slope: f32,
): void {
  const rowBytes = <usize>channels << 2;
  const inv = <f32>1 / <f32>rows;
  memory.fill(mean, 0, rowBytes);
  memory.fill(variance, 0, rowBytes);
  const vector = (channels & 3) == 0;
  let p = x;
  for (let r = 0; r < rows; r++, p += rowBytes) {
    if (vector)
      for (let c: usize = 0; c < rowBytes; c += 16)
        v128.store(mean + c, f32x4.add(v128.load(mean + c), v128.load(p + c)));
    else
      for (let c: usize = 0; c < rowBytes; c += 4)
        store<f32>(mean + c, load<f32>(mean + c) + load<f32>(p + c));
  }
  for (let c: usize = 0; c < rowBytes; c += 4) store<f32>(mean + c, load<f32>(mean + c) * inv);
  p = x;
  for (let r = 0; r < rows; r++, p += rowBytes) {
    if (vector)
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const d = f32x4.sub(v128.load(p + c), v128.load(mean + c));
        v128.store(variance + c, f32x4.add(v128.load(variance + c), f32x4.mul(d, d)));
      }
    else
      for (let c: usize = 0; c < rowBytes; c += 4) {
        const d = load<f32>(p + c) - load<f32>(mean + c);
        store<f32>(variance + c, load<f32>(variance + c) + d * d);
      }
  }
  for (let c: usize = 0; c < rowBytes; c += 4) {
    const v = load<f32>(variance + c) * inv;
    store<f32>(variance + c, v);
    store<f32>(rstd + c, <f32>1 / Mathf.sqrt(v + epsilon));
  }
  // y = act(x·scale + shift) with scale = γ·rstd, shift = β − μ·scale (in scratch)
  const scale = scratch;
  const shift = scale + rowBytes;
  for (let c: usize = 0; c < rowBytes; c += 4) {
    const s = load<f32>(gamma + c) * load<f32>(rstd + c);
    store<f32>(scale + c, s);
    store<f32>(shift + c, load<f32>(beta + c) - load<f32>(mean + c) * s);
  }
  const slopeV = f32x4.splat(slope);
  p = x;
  let q = y;
  for (let r = 0; r < rows; r++, p += rowBytes, q += rowBytes) {
    if (vector)
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const a = f32x4.add(f32x4.mul(v128.load(p + c), v128.load(scale + c)), v128.load(shift + c));
        v128.store(q + c, activate(a, activation, slopeV));
      }
    else
      for (let c: usize = 0; c < rowBytes; c += 4) {
        const a = load<f32>(p + c) * load<f32>(scale + c) + load<f32>(shift + c);
        store<f32>(q + c, activation == 0 || a > 0 ? a : activation == 1 ? 0 : a * slope);
      }
  }
}

/**
 * Backward of batchNormForward. x, dy: [rows, C]; mean, rstd, gamma, beta: [C] →
 * dx: [rows, C], dGamma = Σ dA·x̂, dBeta = Σ dA, with dA = dy·act'(γ·x̂ + β) and
 * dx = γ·rstd/m · (m·dA − dBeta − x̂·dGamma). scratch: 4·C floats.
 */
export function batchNormBackward(
  x: usize, dy: usize, gamma: usize, beta: usize, mean: usize, rstd: usize,
  dx: usize, dGamma: usize, dBeta: usize, scratch: usize,
  rows: i32, channels: i32, activation: i32, slope: f32,
): void {
  const rowBytes = <usize>channels << 2;
  const vector = (channels & 3) == 0;
  memory.fill(dGamma, 0, rowBytes);
  memory.fill(dBeta, 0, rowBytes);
  const slopeV = f32x4.splat(slope);
  const zero = f32x4.splat(0);
  let p = x;
  let g = dy;
  for (let r = 0; r < rows; r++, p += rowBytes, g += rowBytes) {
    if (vector)
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const xh = f32x4.mul(f32x4.sub(v128.load(p + c), v128.load(mean + c)), v128.load(rstd + c));
        let d = v128.load(g + c);
        if (activation != 0) {
          const a = f32x4.add(f32x4.mul(xh, v128.load(gamma + c)), v128.load(beta + c));
          d = v128.bitselect(d, activation == 1 ? zero : f32x4.mul(d, slopeV), f32x4.gt(a, zero));
        }
        v128.store(dBeta + c, f32x4.add(v128.load(dBeta + c), d));
        v128.store(dGamma + c, f32x4.add(v128.load(dGamma + c), f32x4.mul(d, xh)));
      }
    else
      for (let c: usize = 0; c < rowBytes; c += 4) {
        const xh = (load<f32>(p + c) - load<f32>(mean + c)) * load<f32>(rstd + c);
        let d = load<f32>(g + c);
        if (activation != 0 && !(xh * load<f32>(gamma + c) + load<f32>(beta + c) > 0))
          d = activation == 1 ? 0 : d * slope;
        store<f32>(dBeta + c, load<f32>(dBeta + c) + d);
        store<f32>(dGamma + c, load<f32>(dGamma + c) + d * xh);
      }
  }
  // dx = k·dA + k0 + k1·x̂ with k = γ·rstd, k0 = −k·dBeta/m, k1 = −k·dGamma/m
  const k = scratch;
  const k0 = k + rowBytes;
  const k1 = k0 + rowBytes;
  const inv = <f32>1 / <f32>rows;
  for (let c: usize = 0; c < rowBytes; c += 4) {
    const s = load<f32>(gamma + c) * load<f32>(rstd + c);
    store<f32>(k + c, s);
    store<f32>(k0 + c, -s * load<f32>(dBeta + c) * inv);
    store<f32>(k1 + c, -s * load<f32>(dGamma + c) * inv);
  }
  p = x;
  g = dy;
  let q = dx;
  for (let r = 0; r < rows; r++, p += rowBytes, g += rowBytes, q += rowBytes) {
    if (vector)
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const xh = f32x4.mul(f32x4.sub(v128.load(p + c), v128.load(mean + c)), v128.load(rstd + c));
        let d = v128.load(g + c);
        if (activation != 0) {
          const a = f32x4.add(f32x4.mul(xh, v128.load(gamma + c)), v128.load(beta + c));
          d = v128.bitselect(d, activation == 1 ? zero : f32x4.mul(d, slopeV), f32x4.gt(a, zero));
        }
        v128.store(
          q + c,
          f32x4.add(f32x4.add(f32x4.mul(v128.load(k + c), d), v128.load(k0 + c)), f32x4.mul(v128.load(k1 + c), xh)),
        );
      }
    else
      for (let c: usize = 0; c < rowBytes; c += 4) {
        const xh = (load<f32>(p + c) - load<f32>(mean + c)) * load<f32>(rstd + c);
        let d = load<f32>(g + c);
        if (activation != 0 && !(xh * load<f32>(gamma + c) + load<f32>(beta + c) > 0))
          d = activation == 1 ? 0 : d * slope;
        store<f32>(q + c, load<f32>(k + c) * d + load<f32>(k0 + c) + load<f32>(k1 + c) * xh);
      }
  }
}
