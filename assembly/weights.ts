// ---------------------------------------------------------------------------------------
// The sparse blur ∘ bicubic weights of the Blind-SR batch (src/core/blindsr/
// sparse-weights.ts blurResizeAxis and throughCrop), built where the degradation kernel
// reads them: the same f64 sums in the same order as the JS, so the weights are the same
// to the last bit. In a browser's worker the JS loops ran ~2.3× slower than in node; here
// they run at one speed. Compressed rows: i32 start[out + 1], i32 index, then f64 weight
// (blurResizeAxis) or f32 weight (throughCrop, what blurResizeRegion reads).

/**
 * The nonzeros of dense[lowest … highest] (f64) appended to the entries from `count` on — i32
 * index, weight as T — and cleared. → the new count
 */
@inline
function emitRow<T>(
  dense: usize,
  lowest: i32,
  highest: i32,
  index: usize,
  weight: usize,
  count: i32,
): i32 {
  for (let j = lowest; j <= highest; j++) {
    const at = dense + (<usize>j << 3);
    const value = load<f64>(at);
    if (value != 0) {
      store<i32>(index + (<usize>count << 2), j);
      store<T>(weight + <usize>count * sizeof<T>(), <T>value);
      count++;
      store<f64>(at, 0);
    }
  }
  return count;
}

/**
 * The reflection-padded 1-D blur `blur` (f64 [taps]) followed by the bicubic matrix (f32
 * [outSize, inSize], row o's nonzeros within columns first[o] … last[o]), as one sparse
 * matrix; `dense` is f64 scratch [inSize], zero on entry and on return. → entries
 */
export function blurResizeWeights(
  blur: usize,
  taps: i32,
  bicubic: usize,
  first: usize,
  last: usize,
  inSize: i32,
  outSize: i32,
  dense: usize,
  start: usize,
  index: usize,
  weight: usize,
): i32 {
  const half = taps >> 1;
  let count = 0;
  store<i32>(start, 0);
  for (let o = 0; o < outSize; o++) {
    let lowest = inSize;
    let highest = -1;
    const from = load<i32>(first + ((<usize>o) << 2));
    const to = load<i32>(last + ((<usize>o) << 2));
    for (let i = from; i <= to; i++) {
      const r = <f64>load<f32>(bicubic + ((<usize>o * <usize>inSize + <usize>i) << 2));
      if (r == 0) continue;
      for (let t = 0; t < taps; t++) {
        let j = i + t - half;
        j = j < 0 ? -j : j >= inSize ? 2 * (inSize - 1) - j : j;
        const at = dense + ((<usize>j) << 3);
        store<f64>(at, load<f64>(at) + r * load<f64>(blur + ((<usize>t) << 3)));
        if (j < lowest) lowest = j;
        if (j > highest) highest = j;
      }
    }
    count = emitRow<f64>(dense, lowest, highest, index, weight, count);
    store<i32>(start + ((<usize>(o + 1)) << 2), count);
  }
  return count;
}

/**
 * Weights [LR, HR] (blurResizeWeights' layout, f64) through a bilinear crop's axis — box
 * `position`, `extent` in fractions of the source's side, HR side `outSize` — as weights
 * [LR, source] for LR indices [from, to) (the other rows empty), f32. `dense`: f64 scratch
 * [sourceSize], zero on entry and on return. → entries
 */
export function throughCropWeights(
  start: usize,
  index: usize,
  weight: usize,
  lowSize: i32,
  position: f64,
  extent: f64,
  sourceSize: i32,
  outSize: i32,
  from: i32,
  to: i32,
  dense: usize,
  outStart: usize,
  outIndex: usize,
  outWeight: usize,
): i32 {
  const scale = (extent * <f64>sourceSize) / <f64>outSize;
  const lastSource = <f64>(sourceSize - 1);
  let count = 0;
  store<i32>(outStart, 0);
  for (let o = 0; o < lowSize; o++) {
    if (o >= from && o < to) {
      let lowest = sourceSize;
      let highest = -1;
      const end = load<i32>(start + ((<usize>(o + 1)) << 2));
      for (let k = load<i32>(start + ((<usize>o) << 2)); k < end; k++) {
        const h = load<i32>(index + ((<usize>k) << 2));
        const w = load<f64>(weight + ((<usize>k) << 3));
        // cropAxis' arithmetic for HR index h
        const c = min(
          max(position * <f64>sourceSize + (<f64>h + 0.5) * scale - 0.5, 0.0),
          lastSource,
        );
        const low = <i32>floor(c);
        const high = min(low + 1, sourceSize - 1);
        const f = c - <f64>low;
        const lowAt = dense + ((<usize>low) << 3);
        store<f64>(lowAt, load<f64>(lowAt) + w * (1 - f));
        const highAt = dense + ((<usize>high) << 3);
        store<f64>(highAt, load<f64>(highAt) + w * f);
        if (low < lowest) lowest = low;
        if (high > highest) highest = high;
      }
      count = emitRow<f32>(dense, lowest, highest, outIndex, outWeight, count);
    }
    store<i32>(outStart + ((<usize>(o + 1)) << 2), count);
  }
  return count;
}
