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

/** The images the SimCLR lab trains on. */
export async function loadSimclrDataset(id: DatasetId, seed: number): Promise<Dataset> {
  if (id === 'photos') return photoCrops(await loadPhotos(), seed, sourceSize);
  if (id === 'uploads') {
    const { images, names } = await uploadedImages();
    return { ...photoCrops(images, seed, sourceSize), id: 'uploads', classNames: names };
  }
  return makeRecipeDataset({ id: 'shapes', seed });
}

export type HrSource = 'textures' | 'photos' | 'uploads';

/** The HR images the Blind-SR lab degrades (192², crops are taken per step). */
export async function loadHrPool(source: HrSource, seed: number): Promise<Dataset> {
  const images =
    source === 'photos'
      ? await loadPhotos()
      : source === 'uploads'
        ? (await uploadedImages()).images
        : makeTextures(seed, photoSize, 12);
  return { id: source, images, labels: null, classNames: [], heldOut: null };
}

/** The SimCLR data set as a recipe when it is the built-in shapes (recipes.ts), else null. */
export function simclrRecipe(id: DatasetId, seed: number): DataRecipe | null {
  return id === 'shapes' ? { id, seed } : null;
}
