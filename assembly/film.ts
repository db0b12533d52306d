// ---------------------------------------------------------------------------------------
// FiLM (Perez et al. 2018) and LeakyReLU in one pass, forward and backward, for the
// upsamplers' blocks (src/core/blindsr/srnet.ts): y = act(x·(1 + γ_b) + β_b), where
// x: [B, P, C] (P = H·W pixels) and film: [B, 2C], its rows [γ_b | β_b] (one scale and
// shift per sample, straight from the FiLM generator's dense layer).
// LeakyReLU with slope > 0 keeps the sign, so the backward pass reads the mask from y.

/** y = LeakyReLU(x·(1 + γ) + β), per sample b and channel c. */
export function filmLeakyForward(
  x: usize,
  film: usize,
  y: usize,
  batch: i32,
  pixels: i32,
  channels: i32,
  slope: f32,
): void {
  const rowBytes = (<usize>channels) << 2;
  const vector = (channels & 3) == 0;
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  const s = f32x4.splat(slope);
  let p = x;
  let q = y;
  for (let b = 0; b < batch; b++) {
    const g = film + <usize>b * 2 * rowBytes;
    const t = g + rowBytes;
    for (let r = 0; r < pixels; r++, p += rowBytes, q += rowBytes) {
      if (vector)
        for (let c: usize = 0; c < rowBytes; c += 16) {
          const a = f32x4.add(
            f32x4.mul(v128.load(p + c), f32x4.add(v128.load(g + c), one)),
            v128.load(t + c),
          );
          v128.store(q + c, v128.bitselect(a, f32x4.mul(a, s), f32x4.gt(a, zero)));
        }
      else
        for (let c: usize = 0; c < rowBytes; c += 4) {
          const a = load<f32>(p + c) * (load<f32>(g + c) + 1) + load<f32>(t + c);
          store<f32>(q + c, a > 0 ? a : a * slope);
        }
    }
  }
}

/**
 * From dy: da = dy·act'(y); dx = da·(1 + γ); dγ[b] = Σ_p da·x; dβ[b] = Σ_p da, written as
 * dFilm [B, 2C] with rows [dγ_b | dβ_b].
 */
export function filmLeakyBackward(
  x: usize,
  y: usize,
  dy: usize,
  film: usize,
  dx: usize,
  dFilm: usize,
  batch: i32,
  pixels: i32,
  channels: i32,
  slope: f32,
): void {
  const rowBytes = (<usize>channels) << 2;
  const vector = (channels & 3) == 0;
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  const s = f32x4.splat(slope);
  memory.fill(dFilm, 0, <usize>batch * 2 * rowBytes);
  let o: usize = 0;
  for (let b = 0; b < batch; b++) {
    const g = film + <usize>b * 2 * rowBytes;
    const dg = dFilm + <usize>b * 2 * rowBytes;
    const db = dg + rowBytes;
    for (let r = 0; r < pixels; r++, o += rowBytes) {
      if (vector)
        for (let c: usize = 0; c < rowBytes; c += 16) {
          const d = v128.load(dy + o + c);
          const da = v128.bitselect(d, f32x4.mul(d, s), f32x4.gt(v128.load(y + o + c), zero));
          v128.store(dx + o + c, f32x4.mul(da, f32x4.add(v128.load(g + c), one)));
          v128.store(dg + c, f32x4.add(v128.load(dg + c), f32x4.mul(da, v128.load(x + o + c))));
          v128.store(db + c, f32x4.add(v128.load(db + c), da));
        }
      else
        for (let c: usize = 0; c < rowBytes; c += 4) {
          const d = load<f32>(dy + o + c);
          const da = load<f32>(y + o + c) > 0 ? d : d * slope;
          store<f32>(dx + o + c, da * (load<f32>(g + c) + 1));
          store<f32>(dg + c, load<f32>(dg + c) + da * load<f32>(x + o + c));
          store<f32>(db + c, load<f32>(db + c) + da);
        }
    }
  }
}
