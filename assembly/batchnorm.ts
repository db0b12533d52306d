// ---------------------------------------------------------------------------------------
// Batch norm (training mode) fused with its activation, forward and backward
// (Ioffe & Szegedy 2015, §3). activation: 0 none, 1 ReLU, 2 LeakyReLU(slope).
// Channels in f32x4 lanes when C % 4 == 0, else one at a time.

import { columnSums } from './filters';

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
  // the sums per channel over the rows, in row order, 16 or 4 channels' sums held in
  // registers down the rows (a sum that went through memory every row waited on its store)
  const vector = (channels & 3) == 0;
  if (vector) {
    columnSums(x, 0, mean, rows, rowBytes);
    for (let c: usize = 0; c < rowBytes; c += 4) store<f32>(mean + c, load<f32>(mean + c) * inv);
    columnSums(x, mean, variance, rows, rowBytes);
  } else {
    memory.fill(mean, 0, rowBytes);
    memory.fill(variance, 0, rowBytes);
    let p = x;
    for (let r = 0; r < rows; r++, p += rowBytes)
      for (let c: usize = 0; c < rowBytes; c += 4)
        store<f32>(mean + c, load<f32>(mean + c) + load<f32>(p + c));
    for (let c: usize = 0; c < rowBytes; c += 4) store<f32>(mean + c, load<f32>(mean + c) * inv);
    p = x;
    for (let r = 0; r < rows; r++, p += rowBytes)
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
  let p = x;
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
  const slopeV = f32x4.splat(slope);
  if (vector) gradientSums(x, dy, gamma, beta, mean, rstd, dGamma, dBeta, rows, rowBytes, activation, slopeV);
  else {
    memory.fill(dGamma, 0, rowBytes);
    memory.fill(dBeta, 0, rowBytes);
    let p = x;
    let g = dy;
    for (let r = 0; r < rows; r++, p += rowBytes, g += rowBytes)
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
  let p = x;
  let g = dy;
  let q = dx;
  for (let r = 0; r < rows; r++, p += rowBytes, g += rowBytes, q += rowBytes) {
    if (vector)
      for (let c: usize = 0; c < rowBytes; c += 16) {
        const xh = f32x4.mul(f32x4.sub(v128.load(p + c), v128.load(mean + c)), v128.load(rstd + c));
        const d = activationGradient(v128.load(g + c), xh, v128.load(gamma + c), v128.load(beta + c), activation, slopeV);
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

/** dA of one vector of channels: dy·act'(γ·x̂ + β). */
@inline function activationGradient(
  d: v128, xh: v128, gamma: v128, beta: v128, activation: i32, slope: v128,
): v128 {
  if (activation == 0) return d;
  const zero = f32x4.splat(0);
  const a = f32x4.add(f32x4.mul(xh, gamma), beta);
  return v128.bitselect(d, activation == 1 ? zero : f32x4.mul(d, slope), f32x4.gt(a, zero));
}

/**
 * dBeta = Σ_rows dA, dGamma = Σ_rows dA·x̂ per channel, in row order: 8 channels (then 4) at
 * a time, the sums in registers down the rows. C % 4 == 0.
 */
function gradientSums(
  x: usize, dy: usize, gamma: usize, beta: usize, mean: usize, rstd: usize,
  dGamma: usize, dBeta: usize, rows: i32, rowBytes: usize, activation: i32, slope: v128,
): void {
  let c: usize = 0;
  for (; c + 32 <= rowBytes; c += 32) {
    const m0 = v128.load(mean + c), m1 = v128.load(mean + c, 16);
    const r0 = v128.load(rstd + c), r1 = v128.load(rstd + c, 16);
    const g0 = v128.load(gamma + c), g1 = v128.load(gamma + c, 16);
    const b0 = v128.load(beta + c), b1 = v128.load(beta + c, 16);
    let db0 = f32x4.splat(0), db1 = db0, dg0 = db0, dg1 = db0;
    let p = x + c, q = dy + c;
    for (let r = 0; r < rows; r++, p += rowBytes, q += rowBytes) {
      const xh0 = f32x4.mul(f32x4.sub(v128.load(p), m0), r0);
      const xh1 = f32x4.mul(f32x4.sub(v128.load(p, 16), m1), r1);
      const d0 = activationGradient(v128.load(q), xh0, g0, b0, activation, slope);
      const d1 = activationGradient(v128.load(q, 16), xh1, g1, b1, activation, slope);
      db0 = f32x4.add(db0, d0);
      db1 = f32x4.add(db1, d1);
      dg0 = f32x4.add(dg0, f32x4.mul(d0, xh0));
      dg1 = f32x4.add(dg1, f32x4.mul(d1, xh1));
    }
    v128.store(dBeta + c, db0); v128.store(dBeta + c, db1, 16);
    v128.store(dGamma + c, dg0); v128.store(dGamma + c, dg1, 16);
  }
  for (; c < rowBytes; c += 16) {
    const m0 = v128.load(mean + c), r0 = v128.load(rstd + c);
    const g0 = v128.load(gamma + c), b0 = v128.load(beta + c);
    let db0 = f32x4.splat(0), dg0 = db0;
    let p = x + c, q = dy + c;
    for (let r = 0; r < rows; r++, p += rowBytes, q += rowBytes) {
      const xh0 = f32x4.mul(f32x4.sub(v128.load(p), m0), r0);
      const d0 = activationGradient(v128.load(q), xh0, g0, b0, activation, slope);
      db0 = f32x4.add(db0, d0);
      dg0 = f32x4.add(dg0, f32x4.mul(d0, xh0));
    }
    v128.store(dBeta + c, db0);
    v128.store(dGamma + c, dg0);
  }
}
