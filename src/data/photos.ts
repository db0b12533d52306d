import { cropResize, type RgbImage } from '../core/image';
import { Random } from '../core/random';
import type { Dataset } from './dataset';
import { decodeToSquare } from './decode';

/** Public-domain / CC0 photos shipped in public/samples (credits in LICENSES.md there). */
export const photoNames = [
  'astronaut',
  'brick',
  'camera',
  'chelsea',
  'coffee',
  'grass',
  'gravel',
  'horse',
  'hubble_deep_field',
  'retina',
  'rocket',
] as const;

export const photoSize = 192;

let cache: Promise<RgbImage[]> | null = null;

/** The photos at 192², fetched from our own origin once per page. */
export function loadPhotos(): Promise<RgbImage[]> {
  cache ??= Promise.all(
    photoNames.map(async (name) => {
      const response = await fetch(`${import.meta.env.BASE_URL}samples/${name}.png`);
      if (!response.ok) throw new Error(`samples/${name}.png: HTTP ${response.status}`);
      return decodeToSquare(await response.blob(), photoSize);
    }),
  ).catch((error: unknown) => {
    cache = null;
    throw error;
  });
  return cache;
}

/**
 * SimCLR on photos: random crops (¼ to all of the side) of each photo, labelled by the
 * photo they come from, so kNN asks "which photo is this crop from?".
 */
export function photoCrops(
  photos: RgbImage[],
  seed: number,
  size: number,
  perPhoto = 24,
  heldOutPerPhoto = 8,
): Dataset {
  const random = new Random(seed);
  const crop = (image: RgbImage) => {
    const side = random.uniform(0.25, 1);
    return cropResize(
      image,
      { x: random.uniform(0, 1 - side), y: random.uniform(0, 1 - side), width: side, height: side },
      size,
    );
  };
  const build = (count: number) => {
    const items: { image: RgbImage; label: number }[] = [];
    photos.forEach((photo, label) => {
      for (let i = 0; i < count; i++) items.push({ image: crop(photo), label });
    });
    random.shuffle(items);
    return {
      images: items.map((it) => it.image),
      labels: Int32Array.from(items.map((it) => it.label)),
    };
  };
  const train = build(perPhoto);
  const heldOut = build(heldOutPerPhoto);
  return {
    id: 'photos',
    images: train.images,
    labels: train.labels,
    classNames: [...photoNames],
    heldOut,
  };
}
