import type { Dataset, DatasetId } from './dataset';
import { loadPhotos, photoCrops, photoSize } from './photos';
import { makeShapesDataset } from './shapes';
import { makeTextures } from './textures';

/** Side of the stored SimCLR source images: views are cropped from these. */
export const sourceSize = 40;

/** The images the SimCLR lab trains on. */
export async function loadSimclrDataset(id: DatasetId, seed: number): Promise<Dataset> {
  if (id === 'photos') return photoCrops(await loadPhotos(), seed, sourceSize);
  return makeShapesDataset(seed, sourceSize);
}

export type HrSource = 'textures' | 'photos';

/** The HR images the Blind-SR lab degrades (192², crops are taken per step). */
export async function loadHrPool(source: HrSource, seed: number): Promise<Dataset> {
  const images = source === 'photos' ? await loadPhotos() : makeTextures(seed, photoSize, 12);
  return { id: source, images, labels: null, classNames: [], heldOut: null };
}
