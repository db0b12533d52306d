import type { Dataset, DatasetId } from './dataset';
import { loadPhotos, photoCrops, photoSize } from './photos';
import { makeRecipeDataset, sourceSize, type DataRecipe } from './recipes';
import { makeTextures } from './textures';
import { listUploads, uploadToImage } from './uploads';
import type { RgbImage } from '../core/image';

/** Minimum uploads before they stand alone; fewer are joined by the built-in photos. */
export const minimumUploads = 2;

/** The user's images, topped up with the built-in photos when there are too few. */
async function uploadedImages(): Promise<{ images: RgbImage[]; names: string[] }> {
  const uploads = await listUploads();
  const images = uploads.map(uploadToImage);
  const names = uploads.map((u) => u.name);
  if (images.length >= minimumUploads) return { images, names };
  const photos = await loadPhotos();
  return {
    images: [...images, ...photos],
    names: [...names, ...photos.map((_, i) => `photo ${i + 1}`)],
  };
}

/** The photo-based images the SimCLR lab trains on (the shapes come from their recipe). */
async function loadSimclrPhotos(id: 'photos' | 'uploads', seed: number): Promise<Dataset> {
  if (id === 'photos') return photoCrops(await loadPhotos(), seed, sourceSize);
  const { images, names } = await uploadedImages();
  return { ...photoCrops(images, seed, sourceSize), id: 'uploads', classNames: names };
}

export type HrSource = 'textures' | 'photos' | 'uploads';

/** The HR images the Blind-SR lab degrades (192², crops are taken per step). */
async function loadHrPool(source: HrSource, seed: number): Promise<Dataset> {
  const images =
    source === 'photos'
      ? await loadPhotos()
      : source === 'uploads'
        ? (await uploadedImages()).images
        : makeTextures(seed, photoSize, 12);
  return { id: source, images, labels: null, classNames: [], heldOut: null };
}

export type LabDataRequest =
  | { lab: 'simclr'; source: DatasetId; seed: number }
  | { lab: 'blindsr'; source: HrSource; seed: number };

/**
 * A lab's images, and the recipe they were made from when they are the built-in shapes:
 * those the worker makes itself (recipes.ts); the others it is sent.
 */
export async function loadLabData(
  request: LabDataRequest,
): Promise<{ dataset: Dataset; recipe: DataRecipe | null }> {
  const { lab, source, seed } = request;
  if (lab === 'blindsr') return { dataset: await loadHrPool(source, seed), recipe: null };
  if (source === 'photos' || source === 'uploads')
    return { dataset: await loadSimclrPhotos(source, seed), recipe: null };
  const recipe = labDataRecipe(request) as DataRecipe;
  return { dataset: makeRecipeDataset(recipe), recipe };
}

/** The recipe of the images `loadLabData` gives for this request, null when they are loaded. */
export function labDataRecipe(request: LabDataRequest): DataRecipe | null {
  return request.lab === 'simclr' && request.source === 'shapes'
    ? { id: 'shapes', seed: request.seed }
    : null;
}
