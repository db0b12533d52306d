import type { Dataset } from './dataset';
import { makeShapesDataset } from './shapes';

/**
 * The built-in shapes as a recipe: drawn from a seed by pure code, so page and training
 * worker each make their own (identical) copy instead of the page drawing all of them and
 * posting them — which, on a fresh load, put ~0.5–1 s of drawing on the page's thread
 * before the worker could build its model. Each image is drawn when first read
 * (shapes.ts): the worker's first step reads one batch of them.
 */
export interface DataRecipe {
  id: 'shapes';
  seed: number;
}

/** Side of the stored SimCLR source images: views are cropped from these. */
export const sourceSize = 40;

export function makeRecipeDataset(recipe: DataRecipe): Dataset {
  return makeShapesDataset(recipe.seed, sourceSize);
}
