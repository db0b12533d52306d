import type { RgbImage } from '../core/image';
import { Random } from '../core/random';
import type { Dataset } from './dataset';

/**
 * Procedural, labelled shapes. Colour and background are drawn independently of the
 * class, so colour is a shortcut: without colour jitter two views of an image are easiest
 * matched by colour and the embedding groups by colour; with jitter, by shape (SimCLR
 * §3, Figure 6: colour histograms alone tell images apart).
 */
export const shapeClasses = ['circle', 'square', 'triangle', 'ring', 'cross', 'star'] as const;
export type ShapeClass = (typeof shapeClasses)[number];

/**
 * The generator's parameters, in one place: the PyTorch export (src/export/pytorch.ts)
 * ports this generator and reads every number from here.
 */
export const shapeGenerator = {
  perClass: 48,
  heldOutPerClass: 16,
  /** shape radius, fraction of the side */
  radius: [0.3, 0.45],
  /**
   * upright shapes (radians): a random rotation made the classes far slower to learn (kNN
   * 0.43 vs 0.57 after 300 steps in the PyTorch twin) without teaching anything about contrast
   */
  rotation: 0,
  /** background hue = shape hue + this (turns), so they never match */
  backgroundHueOffset: [0.25, 0.75],
  colorSaturation: [0.6, 1],
  colorValue: [0.75, 1],
  backgroundSaturation: [0.2, 0.6],
  backgroundValue: [0.15, 0.5],
  /** super-samples per pixel side */
  samples: 3,
  squareHalfSide: 0.8,
  ringInner: 0.55,
  crossHalfWidth: 0.3,
  starSpikes: 5,
  starInner: 0.45,
} as const;
const g = shapeGenerator;

interface ShapeSpec {
  shape: ShapeClass;
  cx: number;
  cy: number;
  radius: number;
  rotation: number;
  color: [number, number, number];
  background: [number, number, number];
}

function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const f = (n: number) => {
    const k = (n + h * 6) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [f(5), f(3), f(1)];
}

/** Inside test in the shape's own frame (unit radius). */
function inside(shape: ShapeClass, x: number, y: number): boolean {
  const r = Math.sqrt(x * x + y * y); // Math.hypot is ~10× slower in V8
  switch (shape) {
    case 'circle':
      return r <= 1;
    case 'square':
      return Math.abs(x) <= g.squareHalfSide && Math.abs(y) <= g.squareHalfSide;
    case 'triangle':
      // equilateral, pointing up, circumradius 1
      return y <= 0.5 && Math.sqrt(3) * x - y <= 1 && -Math.sqrt(3) * x - y <= 1;
    case 'ring':
      return r <= 1 && r >= g.ringInner;
    case 'cross':
      return (
        (Math.abs(x) <= g.crossHalfWidth && Math.abs(y) <= 1) ||
        (Math.abs(y) <= g.crossHalfWidth && Math.abs(x) <= 1)
      );
    case 'star': {
      const angle = Math.atan2(y, x);
      const spikes = g.starSpikes;
      const t = Math.abs((((((angle * spikes) / (2 * Math.PI)) % 1) + 1) % 1) - 0.5) * 2; // 1 at tips
      return r <= g.starInner + (1 - g.starInner) * t;
    }
  }
}

export function sampleShapeSpec(shape: ShapeClass, random: Random): ShapeSpec {
  const radius = random.uniform(...g.radius);
  const hue = random.next();
  const bgHue = (hue + random.uniform(...g.backgroundHueOffset)) % 1;
  return {
    shape,
    radius,
    cx: random.uniform(radius, 1 - radius),
    cy: random.uniform(radius, 1 - radius),
    rotation: g.rotation,
    color: hsvToRgb(hue, random.uniform(...g.colorSaturation), random.uniform(...g.colorValue)),
    background: hsvToRgb(
      bgHue,
      random.uniform(...g.backgroundSaturation),
      random.uniform(...g.backgroundValue),
    ),
  };
}

/** The radius of the largest disc about the centre inside each shape (unit radius). */
const innerRadius: Record<ShapeClass, number> = {
  circle: 1,
  square: g.squareHalfSide,
  triangle: 0.5, // the inradius of an equilateral triangle of circumradius 1
  ring: 0, // a hole in the middle
  cross: g.crossHalfWidth,
  star: g.starInner,
};

/** Renders with 3×3 super-sampling so edges are anti-aliased. */
export function renderShape(spec: ShapeSpec, size: number): RgbImage {
  const pixels = new Float32Array(size * size * 3);
  const cos = Math.cos(spec.rotation);
  const sin = Math.sin(spec.rotation);
  const samples = g.samples;
  // a pixel whose samples all lie farther than the farthest point of any shape (the
  // square's corner, 0.8·√2 radii) is background without testing them
  const halfDiagonal = Math.SQRT1_2 / (size * spec.radius);
  const reach = (Math.SQRT2 * g.squareHalfSide + halfDiagonal) ** 2;
  // … and one whose samples all lie within the largest disc inside the shape is all shape
  const within = Math.max(0, innerRadius[spec.shape] - halfDiagonal) ** 2;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let cover = 0;
      const du = ((px + 0.5) / size - spec.cx) / spec.radius;
      const dv = ((py + 0.5) / size - spec.cy) / spec.radius;
      const distance = du * du + dv * dv;
      if (distance < within * 0.99) cover = samples * samples;
      else if (distance <= reach * 1.01)
        for (let sy = 0; sy < samples; sy++)
          for (let sx = 0; sx < samples; sx++) {
            const u = (px + (sx + 0.5) / samples) / size - spec.cx;
            const v = (py + (sy + 0.5) / samples) / size - spec.cy;
            const x = (cos * u + sin * v) / spec.radius;
            const y = (-sin * u + cos * v) / spec.radius;
            if (inside(spec.shape, x, y)) cover++;
          }
      const a = cover / (samples * samples);
      for (let c = 0; c < 3; c++)
        pixels[(py * size + px) * 3 + c] = spec.color[c] * a + spec.background[c] * (1 - a);
    }
  return { size, pixels };
}

/**
 * The image of `spec`, drawn when its pixels are first read. Drawing all 384 took ~1 s of a
 * fresh page load (cold code, much of it garbage collection) before the first step, which
 * needs one batch of them; the rest are drawn when an evaluation or a panel reads them. The
 * spec (every random number) is drawn at once, so the images are the same either way.
 */
function lazyShape(spec: ShapeSpec, size: number): RgbImage {
  let pixels: Float32Array | null = null;
  return Object.defineProperty({ size } as RgbImage, 'pixels', {
    enumerable: true,
    get: () => (pixels ??= renderShape(spec, size).pixels),
  });
}

/**
 * `perClass` training and `heldOutPerClass` held-out images of every class, class-balanced
 * and shuffled; the same seed gives the same images (each drawn when first read).
 */
export function makeShapesDataset(
  seed: number,
  size: number,
  perClass: number = g.perClass,
  heldOutPerClass: number = g.heldOutPerClass,
): Dataset {
  const random = new Random(seed);
  const build = (count: number) => {
    const items: { image: RgbImage; label: number }[] = [];
    shapeClasses.forEach((shape, label) => {
      for (let i = 0; i < count; i++)
        items.push({ image: lazyShape(sampleShapeSpec(shape, random), size), label });
    });
    random.shuffle(items);
    return {
      images: items.map((it) => it.image),
      labels: Int32Array.from(items.map((it) => it.label)),
    };
  };
  const train = build(perClass);
  const heldOut = build(heldOutPerClass);
  return {
    id: 'shapes',
    images: train.images,
    labels: train.labels,
    classNames: [...shapeClasses],
    heldOut,
  };
}
