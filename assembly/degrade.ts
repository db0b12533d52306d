// ---------------------------------------------------------------------------------------
// The Blind-SR degradation's blur + bicubic ↓ for separable kernels (src/core/blindsr/
// degrade-separable.ts): LR = Mᵧ · X · Mₓᵀ per channel, each M a sparse [out, in] matrix
// in compressed rows (i32 start[out + 1], i32 index, f32 weight). Unlike the training
// kernels this one runs on a memory of its own (the data preparation copies HR crops in),
// so it works under every tfjs backend.

/**
 * One LR region [height, width, 3] of one HR image [size, size, 3]: along H into `along`
 * (height rows of the HR columns the region reaches, + 4 bytes of slack for the last
 * 4-lane load), then along W into `out`.
 */
export function blurResizeRegion(
  pixels: usize,
  size: i32,
  rowStart: usize,
  rowIndex: usize,
  rowWeight: usize,
  columnStart: usize,
  columnIndex: usize,
  columnWeight: usize,
  top: i32,
  left: i32,
  height: i32,
  width: i32,
  along: usize,
  out: usize,
): void {
  const rowBytes = <usize>size * 12;
  const firstEntry = <usize>load<i32>(columnStart + ((<usize>left) << 2));
  const lastEntry = <usize>load<i32>(columnStart + ((<usize>(left + width)) << 2)) - 1;
  const from = <usize>load<i32>(columnIndex + (firstEntry << 2)) * 12;
  const to = <usize>(load<i32>(columnIndex + (lastEntry << 2)) + 1) * 12;
  const span = to - from;
  memory.fill(along, 0, <usize>height * span + 16);
  for (let o = 0; o < height; o++) {
    const target = along + <usize>o * span;
    const end = <usize>load<i32>(rowStart + ((<usize>(top + o + 1)) << 2));
    let k = <usize>load<i32>(rowStart + ((<usize>(top + o)) << 2));
    // four taps a pass: the same sums in the same order, ((((t + w₁s₁) + w₂s₂) + w₃s₃) + w₄s₄),
    // with a quarter of the loads and stores of the row being summed
    for (; k + 3 < end; k += 4) {
      const s1 = pixels + <usize>load<i32>(rowIndex + (k << 2)) * rowBytes + from;
      const s2 = pixels + <usize>load<i32>(rowIndex + ((k + 1) << 2)) * rowBytes + from;
      const s3 = pixels + <usize>load<i32>(rowIndex + ((k + 2) << 2)) * rowBytes + from;
      const s4 = pixels + <usize>load<i32>(rowIndex + ((k + 3) << 2)) * rowBytes + from;
      const a = load<f32>(rowWeight + (k << 2));
      const b = load<f32>(rowWeight + ((k + 1) << 2));
      const c = load<f32>(rowWeight + ((k + 2) << 2));
      const d = load<f32>(rowWeight + ((k + 3) << 2));
      const w1 = f32x4.splat(a), w2 = f32x4.splat(b), w3 = f32x4.splat(c), w4 = f32x4.splat(d);
      let j: usize = 0;
      for (; j + 16 <= span; j += 16) {
        let sum = f32x4.add(v128.load(target + j), f32x4.mul(w1, v128.load(s1 + j)));
        sum = f32x4.add(sum, f32x4.mul(w2, v128.load(s2 + j)));
        sum = f32x4.add(sum, f32x4.mul(w3, v128.load(s3 + j)));
        v128.store(target + j, f32x4.add(sum, f32x4.mul(w4, v128.load(s4 + j))));
      }
      for (; j < span; j += 4)
        store<f32>(
          target + j,
          load<f32>(target + j) + a * load<f32>(s1 + j) + b * load<f32>(s2 + j) +
            c * load<f32>(s3 + j) + d * load<f32>(s4 + j),
        );
    }
    for (; k < end; k++) {
      const source = pixels + <usize>load<i32>(rowIndex + (k << 2)) * rowBytes + from;
      const weight = load<f32>(rowWeight + (k << 2));
      const w = f32x4.splat(weight);
      let j: usize = 0;
      for (; j + 16 <= span; j += 16)
        v128.store(
          target + j,
          f32x4.add(v128.load(target + j), f32x4.mul(w, v128.load(source + j))),
        );
      for (; j < span; j += 4)
        store<f32>(target + j, load<f32>(target + j) + weight * load<f32>(source + j));
    }
  }
  // along W: one 4-lane load per tap carries a pixel's r, g, b (and a lane not kept)
  let result = out;
  for (let o = 0; o < height; o++) {
    const row = along + <usize>o * span - from;
    for (let q = left; q < left + width; q++) {
      let sum = f32x4.splat(0);
      const end = <usize>load<i32>(columnStart + ((<usize>(q + 1)) << 2));
      for (let k = <usize>load<i32>(columnStart + ((<usize>q) << 2)); k < end; k++)
        sum = f32x4.add(
          sum,
          f32x4.mul(
            f32x4.splat(load<f32>(columnWeight + (k << 2))),
            v128.load(row + <usize>load<i32>(columnIndex + (k << 2)) * 12),
          ),
        );
      store<f32>(result, f32x4.extract_lane(sum, 0));
      store<f32>(result, f32x4.extract_lane(sum, 1), 4);
      store<f32>(result, f32x4.extract_lane(sum, 2), 8);
      result += 12;
    }
  }
}
