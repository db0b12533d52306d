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
  if ((channels & 3) == 0) {
    columnSums(x, 0, out, rows, rowBytes);
    return;
  }
  memory.fill(out, 0, rowBytes);
  let p = x;
  for (let r = 0; r < rows; r++, p += rowBytes)
    for (let c: usize = 0; c < rowBytes; c += 4)
      store<f32>(out + c, load<f32>(out + c) + load<f32>(p + c));
}

/**
 * out[c] = Σ_rows x[r][c] (centre = 0) or Σ_rows (x[r][c] − centre[c])² (centre: an address),
 * each sum taken in row order: 16 channels (then 4) at a time, the sums in registers.
 * C % 4 == 0.
 */
export function columnSums(x: usize, centre: usize, out: usize, rows: i32, rowBytes: usize): void {
  let c: usize = 0;
  for (; c + 64 <= rowBytes; c += 64) {
    let s0 = f32x4.splat(0), s1 = s0, s2 = s0, s3 = s0;
    let m0 = s0, m1 = s0, m2 = s0, m3 = s0;
    if (centre) {
      m0 = v128.load(centre + c); m1 = v128.load(centre + c, 16);
      m2 = v128.load(centre + c, 32); m3 = v128.load(centre + c, 48);
    }
    let p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) {
      if (centre) {
        const d0 = f32x4.sub(v128.load(p), m0), d1 = f32x4.sub(v128.load(p, 16), m1);
        const d2 = f32x4.sub(v128.load(p, 32), m2), d3 = f32x4.sub(v128.load(p, 48), m3);
        s0 = f32x4.add(s0, f32x4.mul(d0, d0)); s1 = f32x4.add(s1, f32x4.mul(d1, d1));
        s2 = f32x4.add(s2, f32x4.mul(d2, d2)); s3 = f32x4.add(s3, f32x4.mul(d3, d3));
      } else {
        s0 = f32x4.add(s0, v128.load(p)); s1 = f32x4.add(s1, v128.load(p, 16));
        s2 = f32x4.add(s2, v128.load(p, 32)); s3 = f32x4.add(s3, v128.load(p, 48));
      }
    }
    v128.store(out + c, s0); v128.store(out + c, s1, 16);
    v128.store(out + c, s2, 32); v128.store(out + c, s3, 48);
  }
  for (; c < rowBytes; c += 16) {
    let s0 = f32x4.splat(0);
    const m0 = centre ? v128.load(centre + c) : s0;
    let p = x + c;
    for (let r = 0; r < rows; r++, p += rowBytes) {
      if (centre) {
        const d0 = f32x4.sub(v128.load(p), m0);
        s0 = f32x4.add(s0, f32x4.mul(d0, d0));
      } else s0 = f32x4.add(s0, v128.load(p));
    }
    v128.store(out + c, s0);
  }
}

// ---------------------------------------------------------------------------------------
// Per-image channel means and their spread back over the pixels: global average pooling
// (forward, backward) and the encoders' centred input. x: [B, P, C] (P pixels); tfjs-wasm's
// Mean and its broadcast Sub, Mul and Fill took 0.1–0.2 ms each on [16, 24, 24, 3].

/** out[b, c] = Σ_p x[b, p, c] / P */
export function imageMeans(x: usize, out: usize, batch: i32, pixels: i32, channels: i32): void {
  const rowBytes = <usize>channels << 2;
  const scale: f32 = 1 / <f32>pixels;
  for (let b = 0; b < batch; b++) {
    const o = out + <usize>b * rowBytes;
    channelSum(x + <usize>b * <usize>pixels * rowBytes, o, pixels, channels);
    for (let c: usize = 0; c < rowBytes; c += 4) store<f32>(o + c, load<f32>(o + c) * scale);
  }
}

/** out[b, p, c] = x[b, p, c] (0 where x is 0) + scale · v[b, c] */
export function spreadMeans(
  v: usize, x: usize, out: usize, batch: i32, pixels: i32, channels: i32, scale: f32,
): void {
  const rowBytes = <usize>channels << 2;
  let o = out;
  let p = x;
  for (let b = 0; b < batch; b++) {
    const row = v + <usize>b * rowBytes;
    for (let i = 0; i < pixels; i++)
      for (let c: usize = 0; c < rowBytes; c += 4, o += 4) {
        const shift = scale * load<f32>(row + c);
        if (x) {
          store<f32>(o, load<f32>(p) + shift);
          p += 4;
        } else store<f32>(o, shift);
      }
  }
}
