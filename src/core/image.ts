/**
 * A square RGB image, height-width-channel order, values in [0, 1].
 * Plain arrays: augmentations and degradations of single images run here, outside tfjs.
 */
export interface RgbImage {
  size: number;
  pixels: Float32Array; // [size, size, 3]
}

export function makeImage(size: number): RgbImage {
  return { size, pixels: new Float32Array(size * size * 3) };
}

/** Bilinear sample at continuous pixel coordinates (x, y), clamped at the border. */
export function sampleBilinear(
  image: RgbImage,
  x: number,
  y: number,
  out: Float32Array,
  offset: number,
): void {
  const { size, pixels } = image;
  const cx = Math.min(Math.max(x, 0), size - 1);
  const cy = Math.min(Math.max(y, 0), size - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, size - 1);
  const y1 = Math.min(y0 + 1, size - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  for (let c = 0; c < 3; c++) {
    const top = pixels[(y0 * size + x0) * 3 + c] * (1 - fx) + pixels[(y0 * size + x1) * 3 + c] * fx;
    const bottom =
      pixels[(y1 * size + x0) * 3 + c] * (1 - fx) + pixels[(y1 * size + x1) * 3 + c] * fx;
    out[offset + c] = top * (1 - fy) + bottom * fy;
  }
}

/**
 * Crop box (normalised, [0, 1] of the side) resized to `outSize` by bilinear sampling at
 * output pixel centres. With a box smaller than the output, it is an up-sampling.
 */
export function cropResize(
  image: RgbImage,
  box: { x: number; y: number; width: number; height: number },
  outSize: number,
): RgbImage {
  const out = makeImage(outSize);
  cropResizeInto(image, box, outSize, out.pixels, 0);
  return out;
}

/** Rows [top, top + height) and columns [left, left + width) of an image. */
export interface PixelRegion {
  top: number;
  left: number;
  height: number;
  width: number;
}

let columns = { left: new Int32Array(0), right: new Int32Array(0), fractionX: new Float64Array(0) };

/** cropResizeInto's per-column arrays, kept between calls (a fresh typed array per view cost more than the crop) */
function columnScratch(size: number): typeof columns {
  if (columns.left.length < size)
    columns = {
      left: new Int32Array(size),
      right: new Int32Array(size),
      fractionX: new Float64Array(size),
    };
  return columns;
}

/**
 * cropResize written into `target` at `offset` ([outSize, outSize, 3]): no image allocated.
 * With `region`, only those pixels of the crop ([height, width, 3] at `offset`), each the
 * same to the last bit as in the whole crop.
 */
export function cropResizeInto(
  image: RgbImage,
  box: { x: number; y: number; width: number; height: number },
  outSize: number,
  target: Float32Array,
  offset: number,
  region: PixelRegion = { top: 0, left: 0, height: outSize, width: outSize },
): void {
  const { size, pixels } = image;
  const scaleX = (box.width * size) / outSize;
  const scaleY = (box.height * size) / outSize;
  // sampleBilinear's clamped positions and weights, per column once (every row shares them)
  const { left, right, fractionX } = columnScratch(outSize);
  const lastColumn = region.left + region.width;
  for (let ox = region.left; ox < lastColumn; ox++) {
    const cx = Math.min(Math.max(box.x * size + (ox + 0.5) * scaleX - 0.5, 0), size - 1);
    left[ox] = Math.floor(cx) * 3;
    right[ox] = Math.min(Math.floor(cx) + 1, size - 1) * 3;
    fractionX[ox] = cx - Math.floor(cx);
  }
  let at = offset;
  for (let oy = region.top; oy < region.top + region.height; oy++) {
    const cy = Math.min(Math.max(box.y * size + (oy + 0.5) * scaleY - 0.5, 0), size - 1);
    const y0 = Math.floor(cy);
    const top = y0 * size * 3;
    const bottom = Math.min(y0 + 1, size - 1) * size * 3;
    const fy = cy - y0;
    const gy = 1 - fy;
    for (let ox = region.left; ox < lastColumn; ox++) {
      const fx = fractionX[ox];
      const gx = 1 - fx;
      const a = top + left[ox];
      const b = top + right[ox];
      const c = bottom + left[ox];
      const d = bottom + right[ox];
      // the same sums as sampleBilinear, so a crop is the same to the last bit
      target[at] = (pixels[a] * gx + pixels[b] * fx) * gy + (pixels[c] * gx + pixels[d] * fx) * fy;
      target[at + 1] =
        (pixels[a + 1] * gx + pixels[b + 1] * fx) * gy +
        (pixels[c + 1] * gx + pixels[d + 1] * fx) * fy;
      target[at + 2] =
        (pixels[a + 2] * gx + pixels[b + 2] * fx) * gy +
        (pixels[c + 2] * gx + pixels[d + 2] * fx) * fy;
      at += 3;
    }
  }
}

/** Stack images of one size into one array. → [B, size, size, 3] */
export function stackImages(images: RgbImage[]): Float32Array {
  const size = images[0]?.size ?? 0;
  const stride = size * size * 3;
  const out = new Float32Array(images.length * stride);
  images.forEach((image, i) => out.set(image.pixels, i * stride));
  return out;
}

/** ITU-R 601 luma, as tf.image.rgb_to_grayscale. */
export function luma(r: number, g: number, b: number): number {
  return 0.2989 * r + 0.587 * g + 0.114 * b;
}
