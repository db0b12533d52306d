import type { Dataset, DatasetId } from './dataset';
import { makeShapesDataset } from './shapes';

/** Side of the stored source images: views are cropped from these. */
export const sourceSize = 40;

export async function loadDataset(id: DatasetId, seed: number): Promise<Dataset> {
  switch (id) {
    case 'shapes':
    default:
      return makeShapesDataset(seed, sourceSize);
  }
}
