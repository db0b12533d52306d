// ---------------------------------------------------------------------------------------
// Matrix product, f32: out[b] = op(A[b]) · op(B[b]), op = transpose or not (tfjs'
// BatchMatMul; a batch of one broadcasts). tfjs-wasm took 0.2–0.66 ms for the labs' small
// products ([16, 64] · [64, 512], [16, 64] · [512, 64]ᵀ: ~1 MFLOP at 1.6–5 GFLOP/s).
// A is read as [M][K], B as [K][N]; an operand stored transposed is first packed that way
// into scratch. Register block: 4 rows × 8 columns (8 f32x4 accumulators; per k two vectors
// of B and four broadcasts of A feed 8 multiply-adds), the last block of rows (of columns)
// starting at M − 4 (N − 8) and recomputing what the one before wrote. Smaller than one
// block (M < 4 or N < 8): one product at a time.

import { madd } from './simd';

/** scratch: M·K floats where A is transposed, then K·N where B is (simd-kernels.ts). */
export function matMul(
  a: usize, b: usize, out: usize, scratch: usize,
  batch: i32, batchA: i32, batchB: i32, m: i32, k: i32, n: i32,
  transposeA: i32, transposeB: i32,
): void {
  for (let index = 0; index < batch; index++) {
    let pa = a + (<usize>((batchA == 1 ? 0 : index) * m * k) << 2);
    let pb = b + (<usize>((batchB == 1 ? 0 : index) * k * n) << 2);
    let free = scratch;
    if (transposeA) {
      // stored [K][M]
      for (let kk = 0; kk < k; kk++)
        for (let i = 0; i < m; i++)
          store<f32>(free + (<usize>(i * k + kk) << 2), load<f32>(pa + (<usize>(kk * m + i) << 2)));
      pa = free;
      free += <usize>(m * k) << 2;
    }
    if (transposeB) {
      // stored [N][K]
      for (let j = 0; j < n; j++)
        for (let kk = 0; kk < k; kk++)
          store<f32>(free + (<usize>(kk * n + j) << 2), load<f32>(pb + (<usize>(j * k + kk) << 2)));
      pb = free;
    }
    product(pa, pb, out + (<usize>(index * m * n) << 2), m, k, n);
  }
}

function product(a: usize, b: usize, out: usize, m: i32, k: i32, n: i32): void {
  const rowA = <usize>k << 2;
  const rowB = <usize>n << 2;
  if (m < 4 || n < 8) {
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let sum: f32 = 0;
        for (let kk = 0; kk < k; kk++)
          sum += load<f32>(a + <usize>i * rowA + (<usize>kk << 2)) * load<f32>(b + <usize>kk * rowB + (<usize>j << 2));
        store<f32>(out + <usize>i * rowB + (<usize>j << 2), sum);
      }
    return;
  }
  for (let start = 0; start < m; start += 4) {
    const i = start + 4 <= m ? start : m - 4;
    for (let first = 0; first < n; first += 8) {
      const j = first + 8 <= n ? first : n - 8;
      let a0 = f32x4.splat(0), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
      let ap = a + <usize>i * rowA;
      let bp = b + (<usize>j << 2);
      for (let kk = 0; kk < k; kk++) {
        const w0 = v128.load(bp);
        const w1 = v128.load(bp, 16);
        const x0 = v128.load32_splat(ap);
        const x1 = v128.load32_splat(ap + rowA);
        const x2 = v128.load32_splat(ap + 2 * rowA);
        const x3 = v128.load32_splat(ap + 3 * rowA);
        a0 = madd(x0, w0, a0);
        a1 = madd(x0, w1, a1);
        b0 = madd(x1, w0, b0);
        b1 = madd(x1, w1, b1);
        c0 = madd(x2, w0, c0);
        c1 = madd(x2, w1, c1);
        d0 = madd(x3, w0, d0);
        d1 = madd(x3, w1, d1);
        ap += 4;
        bp += rowB;
      }
      const o = out + <usize>i * rowB + (<usize>j << 2);
      v128.store(o, a0);
      v128.store(o, a1, 16);
      v128.store(o + rowB, b0);
      v128.store(o + rowB, b1, 16);
      v128.store(o + 2 * rowB, c0);
      v128.store(o + 2 * rowB, c1, 16);
      v128.store(o + 3 * rowB, d0);
      v128.store(o + 3 * rowB, d1, 16);
    }
  }
}
