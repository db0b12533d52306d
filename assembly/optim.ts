// ---------------------------------------------------------------------------------------
// Adam (Kingma & Ba 2015, Algorithm 1) over all of a model's variables in one call: the
// moments are one flat vector each (FlatAdam, src/core/nn/optimizer.ts), the variables and
// their gradients are tfjs tensors listed in a table of i32 [gradient, weight, out, size].
// Writes new weights and new moments (never in place: tfjs tensors may share memory).

@inline function adamLane(
  g: v128, w: v128, m: v128, v: v128, b1: v128, c1: v128, b2: v128, c2: v128, lr: v128, eps: v128,
  mOut: usize, vOut: usize, wOut: usize,
): void {
  const m2 = f32x4.add(f32x4.mul(m, b1), f32x4.mul(g, c1));
  const v2 = f32x4.add(f32x4.mul(v, b2), f32x4.mul(f32x4.mul(g, g), c2));
  v128.store(mOut, m2);
  v128.store(vOut, v2);
  v128.store(wOut, f32x4.sub(w, f32x4.mul(f32x4.div(m2, f32x4.add(f32x4.sqrt(v2), eps)), lr)));
}

/**
 * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², w ← w − stepSize·m / (√v + ε̂), with the bias
 * corrections folded into stepSize and ε̂ by the caller (Kingma & Ba, end of §2).
 */
export function adamStep(
  table: usize, count: i32, m: usize, v: usize, mOut: usize, vOut: usize,
  beta1: f32, beta2: f32, stepSize: f32, epsilonHat: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const c1 = f32x4.splat(<f32>1 - beta1);
  const b2 = f32x4.splat(beta2);
  const c2 = f32x4.splat(<f32>1 - beta2);
  const lr = f32x4.splat(stepSize);
  const eps = f32x4.splat(epsilonHat);
  let k: usize = 0; // byte offset into the moments
  for (let i = 0; i < count; i++) {
    const entry = table + (<usize>i << 4);
    const g = <usize>load<i32>(entry);
    const w = <usize>load<i32>(entry, 4);
    const out = <usize>load<i32>(entry, 8);
    const bytes = <usize>load<i32>(entry, 12) << 2;
    let j: usize = 0;
    for (; j + 16 <= bytes; j += 16)
      adamLane(
        v128.load(g + j), v128.load(w + j), v128.load(m + k + j), v128.load(v + k + j),
        b1, c1, b2, c2, lr, eps, mOut + k + j, vOut + k + j, out + j,
      );
    for (; j < bytes; j += 4) {
      const gj = load<f32>(g + j);
      const m2 = load<f32>(m + k + j) * beta1 + gj * (<f32>1 - beta1);
      const v2 = load<f32>(v + k + j) * beta2 + gj * gj * (<f32>1 - beta2);
      store<f32>(mOut + k + j, m2);
      store<f32>(vOut + k + j, v2);
      store<f32>(out + j, load<f32>(w + j) - (m2 / (Mathf.sqrt(v2) + epsilonHat)) * stepSize);
    }
    k += bytes;
  }
}

/**
 * k ← m·k + c·q for every (k, q) pair of a table of i32 [k, q, out, size] (MoCo eq. 2,
 * BYOL's target, batch norm's running statistics); c = 1 − m, rounded by the caller.
 */
export function momentumStep(table: usize, count: i32, m: f32, c: f32): void {
  const mv = f32x4.splat(m);
  const cv = f32x4.splat(c);
  for (let i = 0; i < count; i++) {
    const entry = table + (<usize>i << 4);
    const k = <usize>load<i32>(entry);
    const q = <usize>load<i32>(entry, 4);
    const out = <usize>load<i32>(entry, 8);
    const bytes = <usize>load<i32>(entry, 12) << 2;
    let j: usize = 0;
    for (; j + 16 <= bytes; j += 16)
      v128.store(out + j, f32x4.add(f32x4.mul(v128.load(k + j), mv), f32x4.mul(v128.load(q + j), cv)));
    for (; j < bytes; j += 4) store<f32>(out + j, load<f32>(k + j) * m + load<f32>(q + j) * c);
  }
}
