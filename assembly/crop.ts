// ---------------------------------------------------------------------------------------
// The Blind-SR batch's HR crops (src/core/blindsr/batch.ts cropHr): bilinear crop-resize of
// an image [size, size, 3] into [outSize, outSize, 3], with the sums of src/core/image.ts
// cropResizeInto in f64 — the same IEEE operations in the same order, so each crop is the
// same to the last bit as the JS loop's. In JS the loop ran 5–7× slower until V8's top tier
// took it over (~20 batches in node, seldom for long in a busy browser tab); here it runs at
// one speed from the first batch. Its own memory, like blurResizeRegion.

/**
 * Rows [top, top + height) and columns [left, left + width) of one crop of side outSize,
 * written as [height, width, 3] (each pixel as in the whole crop): box (x, y) in fractions of
 * the side, `scaleX`/`scaleY` source pixels per output pixel; `columns` is scratch of
 * outSize × 16 bytes (each column's left and right byte offsets and its fraction).
 */
export function cropBilinear(
  pixels: usize,
  size: i32,
  x: f64,
  y: f64,
  scaleX: f64,
  scaleY: f64,
  top: i32,
  left: i32,
  height: i32,
  width: i32,
  columns: usize,
  out: usize,
): void {
  const last = <f64>(size - 1);
  const sizeF = <f64>size;
  const lastColumn = left + width;
  for (let ox = left; ox < lastColumn; ox++) {
    const cx = min(max(x * sizeF + (<f64>ox + 0.5) * scaleX - 0.5, 0.0), last);
    const whole = floor(cx);
    const at = columns + ((<usize>ox) << 4);
    store<i32>(at, <i32>whole * 12);
    store<i32>(at, min(<i32>whole + 1, size - 1) * 12, 4);
    store<f64>(at, cx - whole, 8);
  }
  const rowBytes = <usize>size * 12;
  let target = out;
  for (let oy = top; oy < top + height; oy++) {
    const cy = min(max(y * sizeF + (<f64>oy + 0.5) * scaleY - 0.5, 0.0), last);
    const y0 = floor(cy);
    const top = pixels + <usize>(<i32>y0) * rowBytes;
    const bottom = pixels + <usize>min(<i32>y0 + 1, size - 1) * rowBytes;
    const fy = cy - y0;
    const gy = 1.0 - fy;
    for (let ox = left; ox < lastColumn; ox++) {
      const at = columns + ((<usize>ox) << 4);
      const left = <usize>load<i32>(at);
      const right = <usize>load<i32>(at, 4);
      const fx = load<f64>(at, 8);
      const gx = 1.0 - fx;
      for (let c: usize = 0; c < 12; c += 4) {
        const a = <f64>load<f32>(top + left + c);
        const b = <f64>load<f32>(top + right + c);
        const cc = <f64>load<f32>(bottom + left + c);
        const d = <f64>load<f32>(bottom + right + c);
        store<f32>(target + c, <f32>((a * gx + b * fx) * gy + (cc * gx + d * fx) * fy));
      }
      target += 12;
    }
  }
}
