import { chartColors } from './chart-style';

/** Geometry of the queue ring: entry i of K sits at angle 2πi/K, clockwise from the top. */
export function entryAngle(index: number, capacity: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / capacity;
}

type Band = [number, number];

/**
 * Which entry and band each pixel of the ring shows, and how much of the pixel the band covers
 * (a pixel wide at its inner and outer edges): made once per size, capacity and bands.
 */
interface RingPixels {
  key: string;
  /** pixel index (y · size + x) of every pixel a band touches */
  pixel: Int32Array;
  entry: Int32Array;
  /** 0 outer band, 1 inner band */
  band: Uint8Array;
  /** coverage × 255 */
  alpha: Uint8Array;
}

let ringPixels: RingPixels | null = null;

export function ringGeometry(
  size: number,
  capacity: number,
  bands: { outer: Band; inner: Band },
): RingPixels {
  const key = `${size}/${capacity}/${bands.outer.join(',')}/${bands.inner.join(',')}`;
  if (ringPixels?.key === key) return ringPixels;
  const centre = size / 2;
  const span = (2 * Math.PI) / capacity;
  const pixel: number[] = [];
  const entry: number[] = [];
  const band: number[] = [];
  const alpha: number[] = [];
  const cover = (r: number, [inner, outer]: Band) =>
    Math.min(1, Math.max(0, r - inner + 0.5)) * Math.min(1, Math.max(0, outer - r + 0.5));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - centre;
      const dy = y + 0.5 - centre;
      const r = Math.hypot(dx, dy);
      const covers = [cover(r, bands.outer), cover(r, bands.inner)].map((c) => Math.round(255 * c));
      const which = covers[0] > 0 ? 0 : covers[1] > 0 ? 1 : -1;
      if (which < 0) continue;
      // entry i sits at entryAngle(i): the nearest one to this pixel's angle
      const turns = Math.round((Math.atan2(dy, dx) + Math.PI / 2) / span);
      pixel.push(y * size + x);
      entry.push(((turns % capacity) + capacity) % capacity);
      band.push(which);
      alpha.push(covers[which]);
    }
  ringPixels = {
    key,
    pixel: Int32Array.from(pixel),
    entry: Int32Array.from(entry),
    band: Uint8Array.from(band),
    alpha: Uint8Array.from(alpha),
  };
  return ringPixels;
}

const rgbOf = new Map<string, number>();
const images = new WeakMap<CanvasRenderingContext2D, ImageData>();

/** A CSS colour as 0xRRGGBB, read back through the canvas (which normalises it), cached. */
function packedRgb(context: CanvasRenderingContext2D, css: string): number {
  let rgb = rgbOf.get(css);
  if (rgb === undefined) {
    context.fillStyle = '#000000';
    context.fillStyle = css;
    const normal = String(context.fillStyle);
    // '#rrggbb' for an opaque colour, 'rgba(r, g, b, a)' otherwise (its alpha dropped)
    const channels = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(normal);
    rgb = normal.startsWith('#')
      ? parseInt(normal.slice(1, 7), 16)
      : channels
        ? (Number(channels[1]) << 16) | (Number(channels[2]) << 8) | Number(channels[3])
        : 0x808080;
    if (rgbOf.size > 4096) rgbOf.clear();
    rgbOf.set(css, rgb);
  }
  return rgb;
}

/**
 * A queue of K entries as two concentric bands on a square canvas of side `size` — the
 * outer band and the inner band coloured per entry — and the write pointer as an arrow.
 * Shared by Blind-SR's queue (σ and weight) and MoCo's (class and age). The bands are written
 * as pixels in one putImageData (2K filled arcs a snapshot took the page's thread ~3 % of the
 * time while Blind-SR trained); the arrow is drawn on top.
 */
export function drawQueueRing(
  context: CanvasRenderingContext2D,
  size: number,
  capacity: number,
  pointer: number,
  bands: { outer: Band; inner: Band },
  outerColour: (entry: number) => string,
  innerColour: (entry: number) => string,
): void {
  const ring = ringGeometry(size, capacity, bands);
  const colours = [new Int32Array(capacity), new Int32Array(capacity)];
  for (let i = 0; i < capacity; i++) {
    colours[0][i] = packedRgb(context, outerColour(i));
    colours[1][i] = packedRgb(context, innerColour(i));
  }
  // the ring's pixels are the same at every draw: the image is kept, the rest stays clear
  let image = images.get(context);
  if (image?.width !== size) {
    image = context.createImageData(size, size);
    images.set(context, image);
  }
  const rgba = image.data;
  for (let k = 0; k < ring.pixel.length; k++) {
    const rgb = colours[ring.band[k]][ring.entry[k]];
    const at = ring.pixel[k] * 4;
    rgba[at] = rgb >> 16;
    rgba[at + 1] = (rgb >> 8) & 0xff;
    rgba[at + 2] = rgb & 0xff;
    rgba[at + 3] = ring.alpha[k];
  }
  context.putImageData(image, 0, 0);
  const centre = size / 2;
  const angle = entryAngle(pointer, capacity);
  const at = (radius: number): [number, number] => [
    centre + Math.cos(angle) * radius,
    centre + Math.sin(angle) * radius,
  ];
  context.strokeStyle = chartColors.accent;
  context.fillStyle = chartColors.accent;
  context.lineWidth = 3;
  context.beginPath();
  context.moveTo(...at(60));
  context.lineTo(...at(146));
  context.stroke();
  context.beginPath();
  context.arc(...at(146), 5, 0, 2 * Math.PI);
  context.fill();
}
