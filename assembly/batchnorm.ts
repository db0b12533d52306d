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
