// ---------------------------------------------------------------------------------------
// Convolution, forward, 3×3 stride 1 (NHWC), by Winograd's minimal filtering F(2×2, 3×3)
// (Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks", 2016): each 2×2 block
// of output pixels ("tile") is Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A from the 4×4 input patch d that
// covers it, so the products per tile and channel pair fall from 4·9 = 36 to 16. The 16
// element-wise products, summed over the input channels, are 16 small matrix products
// (tiles × Ci by Ci × Co), one per position of the 4×4 transformed patch.
//   filter:  U[pos][ci][co] = (G g Gᵀ), packed by 8 output channels [Co/8][16][Ci][8]
//   input:   V[pos][tile][ci] = Bᵀ d B, four tiles at a time (a block of the flat tile index)
//   product: M[pos][tile][co] = Σ_ci V[pos][tile][ci] · U[pos][ci][co] — the register block
//            of the direct kernel (conv-forward.ts): 4 tiles × 8 channels, 8 accumulators
//   output:  y = act(bias + Aᵀ M A), written where the tile is inside the output
// The input is copied inside its zero border first (as in conv-forward.ts), so every patch is
// whole. The last block of four tiles starts at tiles − 4 and recomputes tiles already
// written (the same values): tiles ≥ 4, Ci % 4 = 0 and Co % 4 = 0 (the caller checks).
// The sums differ from the direct convolution's in rounding only (the transforms are exact
// in the halves of G).

import { madd } from './simd';

@inline function activate(v: v128, activation: i32, slope: v128): v128 {
  if (activation == 1) return f32x4.max(v, f32x4.splat(0));
  if (activation == 2) return f32x4.max(v, f32x4.mul(v, slope));
  return v;
}

/** Floats of scratch the kernel needs (the caller allocates them). */
function paddedSize(height: i32, padTop: i32, out: i32): i32 {
  return max(height + padTop, ((out + 1) >> 1) * 2 + 2);
}

/**
 * V = Bᵀ d B of one 4×4 patch, four channels a vector: Bᵀ = [[1, 0, −1, 0], [0, 1, 1, 0],
 * [0, −1, 1, 0], [0, 1, 0, −1]]. p: the patch's top left (rows paddedRow bytes apart, pixels
 * `pixel` apart); q: position 0 of V, the 16 positions posStride bytes apart.
 */
@inline function transformPatch(p: usize, q: usize, paddedRow: usize, pixel: usize, posStride: usize): void {
  // Bᵀ d, one column of the patch at a time, then · B along the rows of the result
  let r00: v128, r01: v128, r02: v128, r03: v128;
  let r10: v128, r11: v128, r12: v128, r13: v128;
  let r20: v128, r21: v128, r22: v128, r23: v128;
  let r30: v128, r31: v128, r32: v128, r33: v128;
  {
    const d0 = v128.load(p), d1 = v128.load(p + paddedRow);
    const d2 = v128.load(p + 2 * paddedRow), d3 = v128.load(p + 3 * paddedRow);
    r00 = f32x4.sub(d0, d2); r10 = f32x4.add(d1, d2); r20 = f32x4.sub(d2, d1); r30 = f32x4.sub(d1, d3);
  }
  {
    const c = p + pixel;
    const d0 = v128.load(c), d1 = v128.load(c + paddedRow);
    const d2 = v128.load(c + 2 * paddedRow), d3 = v128.load(c + 3 * paddedRow);
    r01 = f32x4.sub(d0, d2); r11 = f32x4.add(d1, d2); r21 = f32x4.sub(d2, d1); r31 = f32x4.sub(d1, d3);
  }
  {
    const c = p + 2 * pixel;
    const d0 = v128.load(c), d1 = v128.load(c + paddedRow);
    const d2 = v128.load(c + 2 * paddedRow), d3 = v128.load(c + 3 * paddedRow);
    r02 = f32x4.sub(d0, d2); r12 = f32x4.add(d1, d2); r22 = f32x4.sub(d2, d1); r32 = f32x4.sub(d1, d3);
  }
  {
    const c = p + 3 * pixel;
    const d0 = v128.load(c), d1 = v128.load(c + paddedRow);
    const d2 = v128.load(c + 2 * paddedRow), d3 = v128.load(c + 3 * paddedRow);
    r03 = f32x4.sub(d0, d2); r13 = f32x4.add(d1, d2); r23 = f32x4.sub(d2, d1); r33 = f32x4.sub(d1, d3);
  }
  v128.store(q, f32x4.sub(r00, r02));
  v128.store(q + posStride, f32x4.add(r01, r02));
  v128.store(q + 2 * posStride, f32x4.sub(r02, r01));
  v128.store(q + 3 * posStride, f32x4.sub(r01, r03));
  v128.store(q + 4 * posStride, f32x4.sub(r10, r12));
  v128.store(q + 5 * posStride, f32x4.add(r11, r12));
  v128.store(q + 6 * posStride, f32x4.sub(r12, r11));
  v128.store(q + 7 * posStride, f32x4.sub(r11, r13));
  v128.store(q + 8 * posStride, f32x4.sub(r20, r22));
  v128.store(q + 9 * posStride, f32x4.add(r21, r22));
  v128.store(q + 10 * posStride, f32x4.sub(r22, r21));
  v128.store(q + 11 * posStride, f32x4.sub(r21, r23));
  v128.store(q + 12 * posStride, f32x4.sub(r30, r32));
  v128.store(q + 13 * posStride, f32x4.add(r31, r32));
  v128.store(q + 14 * posStride, f32x4.sub(r32, r31));
  v128.store(q + 15 * posStride, f32x4.sub(r31, r33));
}

/** The input inside a zero border of padTop rows and padLeft columns, paddedH × paddedW. */
function padInput(
  x: usize, padded: usize, batch: i32, height: i32, width: i32, inC: i32,
  paddedH: i32, paddedW: i32, padTop: i32, padLeft: i32,
): void {
  const pixel = <usize>inC << 2;
  const paddedRow = <usize>paddedW * pixel;
  memory.fill(padded, 0, <usize>(batch * paddedH) * paddedRow);
  for (let b = 0; b < batch; b++)
    for (let h = 0; h < height; h++)
      memory.copy(
        padded + <usize>(b * paddedH + h + padTop) * paddedRow + <usize>padLeft * pixel,
        x + <usize>(b * height + h) * <usize>width * pixel,
        <usize>width * pixel,
      );
}

/**
 * scratch: Co/8 (rounded up) ·16·Ci·8 floats of transformed filter, B·paddedH·paddedW·Ci of
 * padded input (paddedH = max(H + padTop, 2·⌈OH/2⌉ + 2), paddedW likewise), 16·4·Ci of
 * transformed input and 16·4·8 of products (simd-kernels.ts).
 */
export function convWinograd(
  x: usize, w: usize, bias: usize, out: usize, scratch: usize,
  batch: i32, height: i32, width: i32, inC: i32,
  outH: i32, outW: i32, outC: i32, padTop: i32, padLeft: i32,
  activation: i32, slope: f32,
): void {
  const slopes = f32x4.splat(slope);
  const blocks = (outC + 7) / 8;
  const half = f32x4.splat(0.5);
  // U = G g Gᵀ, G = [[1, 0, 0], [½, ½, ½], [½, −½, ½], [0, 0, 1]], four output channels a vector
  const packed = scratch;
  for (let ci = 0; ci < inC; ci++)
    for (let co = 0; co < blocks * 8; co += 4) {
      const to = packed + (<usize>(((co >> 3) * 16 * inC + ci) * 8 + (co & 7)) << 2);
      const stride = <usize>inC * 8 * 4; // from one position to the next in the pack
      if (co >= outC) {
        for (let pos = 0; pos < 16; pos++) v128.store(to + <usize>pos * stride, f32x4.splat(0));
        continue;
      }
      const g = w + (<usize>(ci * outC + co) << 2);
      const tap = <usize>(inC * outC) << 2; // from one kernel tap to the next
      // rows of G g: r0 = g0, r1 = ½(g0 + g1 + g2), r2 = ½(g0 − g1 + g2), r3 = g2
      for (let col = 0; col < 3; col++) {
        const g0 = v128.load(g + <usize>col * tap);
        const g1 = v128.load(g + <usize>(3 + col) * tap);
        const g2 = v128.load(g + <usize>(6 + col) * tap);
        const sum = f32x4.mul(f32x4.add(g0, g2), half);
        const mid = f32x4.mul(g1, half);
        // the rows kept in the pack's slots for now (column col of a 4×3 matrix)
        v128.store(to + <usize>col * stride, g0);
        v128.store(to + <usize>(4 + col) * stride, f32x4.add(sum, mid));
        v128.store(to + <usize>(8 + col) * stride, f32x4.sub(sum, mid));
        v128.store(to + <usize>(12 + col) * stride, g2);
      }
      // then (G g) Gᵀ along each row: [a, ½(a + b + c), ½(a − b + c), c]
      for (let row = 0; row < 4; row++) {
        const base = to + <usize>(row * 4) * stride;
        const a = v128.load(base);
        const b = v128.load(base + stride);
        const c = v128.load(base + 2 * stride);
        const sum = f32x4.mul(f32x4.add(a, c), half);
        const mid = f32x4.mul(b, half);
        v128.store(base + stride, f32x4.add(sum, mid));
        v128.store(base + 2 * stride, f32x4.sub(sum, mid));
        v128.store(base + 3 * stride, c);
      }
    }
  // the input inside a zero border
  const tilesH = (outH + 1) >> 1;
  const tilesW = (outW + 1) >> 1;
  const paddedH = paddedSize(height, padTop, outH);
  const paddedW = paddedSize(width, padLeft, outW);
  const padded = packed + (<usize>(blocks * 16 * inC * 8) << 2);
  const pixel = <usize>inC << 2;
  const paddedRow = <usize>paddedW * pixel;
  padInput(x, padded, batch, height, width, inC, paddedH, paddedW, padTop, padLeft);
  const transformed = padded + <usize>(batch * paddedH) * paddedRow; // V: [16][4][Ci]
  const products = transformed + (<usize>(16 * 4 * inC) << 2); // M: [16][4][8]
  const perImage = tilesH * tilesW;
  const tiles = batch * perImage;
  const posStride = <usize>(4 * inC) << 2; // V: from one position to the next
  const outPixel = <usize>outC << 2;
  // the block's first tile: image, tile row, tile column (stepped, not divided, per tile)
  let firstB = 0, firstTh = 0, firstTw = 0;
  for (let start = 0; start < tiles; start += 4) {
    const first = start + 4 <= tiles ? start : tiles - 4;
    if (first != start) {
      firstB = first / perImage;
      firstTh = (first % perImage) / tilesW;
      firstTw = first % tilesW;
    }
    // V = Bᵀ d B for the four tiles
    let b = firstB, th = firstTh, tw = firstTw;
    for (let t = 0; t < 4; t++) {
      const patch = padded + <usize>(b * paddedH + 2 * th) * paddedRow + <usize>(2 * tw) * pixel;
      const v = transformed + (<usize>(t * inC) << 2);
      for (let ci = 0; ci < inC; ci += 4)
        transformPatch(patch + (<usize>ci << 2), v + (<usize>ci << 2), paddedRow, pixel, posStride);
      if (++tw == tilesW) {
        tw = 0;
        if (++th == tilesH) { th = 0; b++; }
      }
    }
    // the next block's first tile is where the stepping stopped
    const nextB = b, nextTh = th, nextTw = tw;
    for (let block = 0; block < blocks; block++) {
      const co = block * 8;
      // M[pos] = V[pos] · U[pos]: 4 tiles × 8 channels
      for (let pos = 0; pos < 16; pos++) {
        let a0 = f32x4.splat(0), a1 = f32x4.splat(0), b0 = a0, b1 = a0;
        let c0 = a0, c1 = a0, d0 = a0, d1 = a0;
        let wp = packed + (<usize>((block * 16 + pos) * inC * 8) << 2);
        let vp = transformed + <usize>pos * posStride;
        const tileStride = <usize>inC << 2;
        for (let ci = 0; ci < inC; ci++) {
          const w0 = v128.load(wp);
          const w1 = v128.load(wp, 16);
          const x0 = v128.load32_splat(vp);
          const x1 = v128.load32_splat(vp + tileStride);
          const x2 = v128.load32_splat(vp + 2 * tileStride);
          const x3 = v128.load32_splat(vp + 3 * tileStride);
          a0 = madd(x0, w0, a0);
          a1 = madd(x0, w1, a1);
          b0 = madd(x1, w0, b0);
          b1 = madd(x1, w1, b1);
          c0 = madd(x2, w0, c0);
          c1 = madd(x2, w1, c1);
          d0 = madd(x3, w0, d0);
          d1 = madd(x3, w1, d1);
          vp += 4;
          wp += 32;
        }
        const m = products + (<usize>(pos * 32) << 2);
        v128.store(m, a0); v128.store(m, a1, 16);
        v128.store(m, b0, 32); v128.store(m, b1, 48);
        v128.store(m, c0, 64); v128.store(m, c1, 80);
        v128.store(m, d0, 96); v128.store(m, d1, 112);
      }
      // y = Aᵀ M A, Aᵀ = [[1, 1, 1, 0], [0, 1, −1, −1]], per tile and half block
      b = firstB; th = firstTh; tw = firstTw;
      for (let t = 0; t < 4; t++) {
        const oh = 2 * th, ow = 2 * tw;
        const o = out + <usize>((b * outH + oh) * outW + ow) * outPixel + (<usize>co << 2);
        const right = ow + 1 < outW, below = oh + 1 < outH;
        if (++tw == tilesW) {
          tw = 0;
          if (++th == tilesH) { th = 0; b++; }
        }
        for (let h = 0; h < 2; h++) {
          if (co + 4 * h >= outC) break;
          const m = products + (<usize>(t * 8 + 4 * h) << 2);
          const row = <usize>(4 * 32) << 2; // M: from one row of positions to the next
          const col = <usize>32 << 2;
          // Aᵀ M: the columns of M summed over rows (0 + 1 + 2) and (1 − 2 − 3)
          let s0: v128, s1: v128, s2: v128, s3: v128, e0: v128, e1: v128, e2: v128, e3: v128;
          {
            const m0 = v128.load(m), m1 = v128.load(m + row), m2 = v128.load(m + 2 * row), m3 = v128.load(m + 3 * row);
            s0 = f32x4.add(f32x4.add(m0, m1), m2); e0 = f32x4.sub(f32x4.sub(m1, m2), m3);
          }
          {
            const c = m + col;
            const m0 = v128.load(c), m1 = v128.load(c + row), m2 = v128.load(c + 2 * row), m3 = v128.load(c + 3 * row);
            s1 = f32x4.add(f32x4.add(m0, m1), m2); e1 = f32x4.sub(f32x4.sub(m1, m2), m3);
          }
          {
            const c = m + 2 * col;
            const m0 = v128.load(c), m1 = v128.load(c + row), m2 = v128.load(c + 2 * row), m3 = v128.load(c + 3 * row);
            s2 = f32x4.add(f32x4.add(m0, m1), m2); e2 = f32x4.sub(f32x4.sub(m1, m2), m3);
          }
          {
            const c = m + 3 * col;
            const m0 = v128.load(c), m1 = v128.load(c + row), m2 = v128.load(c + 2 * row), m3 = v128.load(c + 3 * row);
            s3 = f32x4.add(f32x4.add(m0, m1), m2); e3 = f32x4.sub(f32x4.sub(m1, m2), m3);
          }
          let shift = f32x4.splat(0);
          if (bias) shift = v128.load(bias + (<usize>(co + 4 * h) << 2));
          const q = o + (<usize>(4 * h) << 2);
          v128.store(q, activate(f32x4.add(shift, f32x4.add(f32x4.add(s0, s1), s2)), activation, slopes));
          if (right)
            v128.store(q + outPixel, activate(f32x4.add(shift, f32x4.sub(f32x4.sub(s1, s2), s3)), activation, slopes));
          if (below) {
            const r = q + <usize>outW * outPixel;
            v128.store(r, activate(f32x4.add(shift, f32x4.add(f32x4.add(e0, e1), e2)), activation, slopes));
            if (right)
              v128.store(r + outPixel, activate(f32x4.add(shift, f32x4.sub(f32x4.sub(e1, e2), e3)), activation, slopes));
          }
        }
      }
    }
    firstB = nextB; firstTh = nextTh; firstTw = nextTw;
  }
}

// ---------------------------------------------------------------------------------------
// Its filter gradient. With y = Aᵀ[U ⊙ V]A per tile and U = G g Gᵀ, the gradient of the
// transformed filter is dU = Σ_tiles V ⊙ (A dy Aᵀ), and dg = Gᵀ dU G:
//   dy:      D[pos][tile][co] = A dy Aᵀ of the tile's 2×2 block of dy (zero past the output)
//   product: dU[pos][ci][co] += Σ_tile V[pos][tile][ci] · D[pos][tile][co] — 4 input × 8
//            output channels of accumulators, over a chunk of tiles at a time
//   filter:  dW[kh][kw][ci][co] = Σ_{i,j} G[i][kh] · dU[i·4 + j][ci][co] · G[j][kw]
// 16 products per tile and channel pair where the direct gradient (conv.ts) takes 36.
// Ci % 4 = 0 and Co % 4 = 0 (the caller checks); Co is padded to 8 in D and dU with zeros.

/**
 * scratch: B·paddedH·paddedW·Ci of padded input (as convWinograd), 16·chunk·Ci of V,
 * 16·chunk·Co8 of D and 16·Ci·Co8 of dU, Co8 = Co rounded up to 8 (simd-kernels.ts);
 * chunk: the tiles whose V and D are held at once.
 */
export function convWinogradFilterGradient(
  x: usize, dy: usize, out: usize, scratch: usize,
  batch: i32, height: i32, width: i32, inC: i32,
  outH: i32, outW: i32, outC: i32, padTop: i32, padLeft: i32, chunk: i32,
): void {
  const tilesH = (outH + 1) >> 1;
  const tilesW = (outW + 1) >> 1;
  const paddedH = paddedSize(height, padTop, outH);
  const paddedW = paddedSize(width, padLeft, outW);
  const pixel = <usize>inC << 2;
  const paddedRow = <usize>paddedW * pixel;
  const outC8 = (outC + 7) & ~7;
  const padded = scratch;
  padInput(x, padded, batch, height, width, inC, paddedH, paddedW, padTop, padLeft);
  const transformed = padded + <usize>(batch * paddedH) * paddedRow; // V: [16][chunk][Ci]
  const dyTransformed = transformed + (<usize>(16 * chunk * inC) << 2); // D: [16][chunk][Co8]
  const sums = dyTransformed + (<usize>(16 * chunk * outC8) << 2); // dU: [16][Ci][Co8]
  memory.fill(sums, 0, <usize>(16 * inC * outC8) << 2);
  const vPos = <usize>(chunk * inC) << 2; // V: from one position to the next
  const dPos = <usize>(chunk * outC8) << 2;
  const perImage = tilesH * tilesW;
  const tiles = batch * perImage;
  const outPixel = <usize>outC << 2;
  const zero = f32x4.splat(0);
  for (let start = 0; start < tiles; start += chunk) {
    const count = min(chunk, tiles - start);
    for (let t = 0; t < count; t++) {
      const tile = start + t;
      const b = tile / perImage;
      const th = (tile % perImage) / tilesW;
      const tw = tile % tilesW;
      const oh = 2 * th, ow = 2 * tw;
      const patch = padded + <usize>(b * paddedH + oh) * paddedRow + <usize>ow * pixel;
      const v = transformed + (<usize>(t * inC) << 2);
      for (let ci = 0; ci < inC; ci += 4)
        transformPatch(patch + (<usize>ci << 2), v + (<usize>ci << 2), paddedRow, pixel, vPos);
      // D = A g Aᵀ of the 2×2 block [[a, b], [c, d]], A = [[1, 0], [1, 1], [1, −1], [0, −1]]
      const right = ow + 1 < outW, below = oh + 1 < outH;
      const g = dy + <usize>((b * outH + oh) * outW + ow) * outPixel;
      const q = dyTransformed + (<usize>(t * outC8) << 2);
      for (let co = 0; co < outC8; co += 4) {
        const e = q + (<usize>co << 2);
        if (co >= outC) {
          for (let pos = 0; pos < 16; pos++) v128.store(e + <usize>pos * dPos, zero);
          continue;
        }
        const p = g + (<usize>co << 2);
        const a = v128.load(p);
        const bb = right ? v128.load(p + outPixel) : zero;
        const c = below ? v128.load(p + <usize>outW * outPixel) : zero;
        const d = right && below ? v128.load(p + <usize>(outW + 1) * outPixel) : zero;
        // rows of A g: [a, b], [a + c, b + d], [a − c, b − d], [−c, −d]; then each row [p, q] ·
        // Aᵀ: [p, p + q, p − q, −q]
        const rows0 = a, rows1 = f32x4.add(a, c), rows2 = f32x4.sub(a, c), rows3 = f32x4.neg(c);
        const cols0 = bb, cols1 = f32x4.add(bb, d), cols2 = f32x4.sub(bb, d), cols3 = f32x4.neg(d);
        v128.store(e, rows0);
        v128.store(e + dPos, f32x4.add(rows0, cols0));
        v128.store(e + 2 * dPos, f32x4.sub(rows0, cols0));
        v128.store(e + 3 * dPos, f32x4.neg(cols0));
        v128.store(e + 4 * dPos, rows1);
        v128.store(e + 5 * dPos, f32x4.add(rows1, cols1));
        v128.store(e + 6 * dPos, f32x4.sub(rows1, cols1));
        v128.store(e + 7 * dPos, f32x4.neg(cols1));
        v128.store(e + 8 * dPos, rows2);
        v128.store(e + 9 * dPos, f32x4.add(rows2, cols2));
        v128.store(e + 10 * dPos, f32x4.sub(rows2, cols2));
        v128.store(e + 11 * dPos, f32x4.neg(cols2));
        v128.store(e + 12 * dPos, rows3);
        v128.store(e + 13 * dPos, f32x4.add(rows3, cols3));
        v128.store(e + 14 * dPos, f32x4.sub(rows3, cols3));
        v128.store(e + 15 * dPos, f32x4.neg(cols3));
      }
    }
    // dU[pos] += V[pos]ᵀ · D[pos]
    const tileStep = <usize>inC << 2;
    const dStep = <usize>outC8 << 2;
    for (let pos = 0; pos < 16; pos++)
      for (let ci = 0; ci < inC; ci += 4)
        for (let co = 0; co < outC8; co += 8) {
          const s = sums + (<usize>((pos * inC + ci) * outC8 + co) << 2);
          let a0 = v128.load(s), a1 = v128.load(s, 16);
          let b0 = v128.load(s + dStep), b1 = v128.load(s + dStep, 16);
          let c0 = v128.load(s + 2 * dStep), c1 = v128.load(s + 2 * dStep, 16);
          let d0 = v128.load(s + 3 * dStep), d1 = v128.load(s + 3 * dStep, 16);
          let vp = transformed + <usize>pos * vPos + (<usize>ci << 2);
          let dp = dyTransformed + <usize>pos * dPos + (<usize>co << 2);
          for (let t = 0; t < count; t++) {
            const g0 = v128.load(dp);
            const g1 = v128.load(dp, 16);
            const x0 = v128.load32_splat(vp);
            const x1 = v128.load32_splat(vp, 4);
            const x2 = v128.load32_splat(vp, 8);
            const x3 = v128.load32_splat(vp, 12);
            a0 = madd(x0, g0, a0);
            a1 = madd(x0, g1, a1);
            b0 = madd(x1, g0, b0);
            b1 = madd(x1, g1, b1);
            c0 = madd(x2, g0, c0);
            c1 = madd(x2, g1, c1);
            d0 = madd(x3, g0, d0);
            d1 = madd(x3, g1, d1);
            vp += tileStep;
            dp += dStep;
          }
          v128.store(s, a0); v128.store(s, a1, 16);
          v128.store(s + dStep, b0); v128.store(s + dStep, b1, 16);
          v128.store(s + 2 * dStep, c0); v128.store(s + 2 * dStep, c1, 16);
          v128.store(s + 3 * dStep, d0); v128.store(s + 3 * dStep, d1, 16);
        }
  }
  // dW = Gᵀ dU G, Gᵀ = [[1, ½, ½, 0], [0, ½, −½, 0], [0, ½, ½, 1]], four output channels a vector
  const half = f32x4.splat(0.5);
  const uPos = <usize>(inC * outC8) << 2; // dU: from one position to the next
  const tap = <usize>(inC * outC) << 2; // dW: from one tap to the next
  for (let ci = 0; ci < inC; ci++)
    for (let co = 0; co < outC; co += 4) {
      const u = sums + (<usize>(ci * outC8 + co) << 2);
      const o = out + (<usize>(ci * outC + co) << 2);
      // Gᵀ dU: per column j, rows [u0 + ½(u1 + u2)], [½(u1 − u2)], [½(u1 + u2) + u3]
      let t00: v128, t01: v128, t02: v128, t03: v128;
      let t10: v128, t11: v128, t12: v128, t13: v128;
      let t20: v128, t21: v128, t22: v128, t23: v128;
      {
        const u0 = v128.load(u), u1 = v128.load(u + 4 * uPos), u2 = v128.load(u + 8 * uPos), u3 = v128.load(u + 12 * uPos);
        const s = f32x4.mul(f32x4.add(u1, u2), half);
        t00 = f32x4.add(u0, s); t10 = f32x4.mul(f32x4.sub(u1, u2), half); t20 = f32x4.add(s, u3);
      }
      {
        const c = u + uPos;
        const u0 = v128.load(c), u1 = v128.load(c + 4 * uPos), u2 = v128.load(c + 8 * uPos), u3 = v128.load(c + 12 * uPos);
        const s = f32x4.mul(f32x4.add(u1, u2), half);
        t01 = f32x4.add(u0, s); t11 = f32x4.mul(f32x4.sub(u1, u2), half); t21 = f32x4.add(s, u3);
      }
      {
        const c = u + 2 * uPos;
        const u0 = v128.load(c), u1 = v128.load(c + 4 * uPos), u2 = v128.load(c + 8 * uPos), u3 = v128.load(c + 12 * uPos);
        const s = f32x4.mul(f32x4.add(u1, u2), half);
        t02 = f32x4.add(u0, s); t12 = f32x4.mul(f32x4.sub(u1, u2), half); t22 = f32x4.add(s, u3);
      }
      {
        const c = u + 3 * uPos;
        const u0 = v128.load(c), u1 = v128.load(c + 4 * uPos), u2 = v128.load(c + 8 * uPos), u3 = v128.load(c + 12 * uPos);
        const s = f32x4.mul(f32x4.add(u1, u2), half);
        t03 = f32x4.add(u0, s); t13 = f32x4.mul(f32x4.sub(u1, u2), half); t23 = f32x4.add(s, u3);
      }
      // · G along each row, the same combination of its four columns
      storeRow(o, tap, t00, t01, t02, t03, half);
      storeRow(o + 3 * tap, tap, t10, t11, t12, t13, half);
      storeRow(o + 6 * tap, tap, t20, t21, t22, t23, half);
    }
}

/** One row of kernel taps from a row [u0, u1, u2, u3] of Gᵀ dU: [u0 + ½(u1 + u2), ½(u1 − u2), ½(u1 + u2) + u3]. */
@inline function storeRow(o: usize, tap: usize, u0: v128, u1: v128, u2: v128, u3: v128, half: v128): void {
  const s = f32x4.mul(f32x4.add(u1, u2), half);
  v128.store(o, f32x4.add(u0, s));
  v128.store(o + tap, f32x4.mul(f32x4.sub(u1, u2), half));
  v128.store(o + 2 * tap, f32x4.add(s, u3));
}
