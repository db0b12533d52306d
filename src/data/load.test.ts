import { describe, expect, it } from 'vitest';
import { labDataRecipe, loadLabData } from './load';

describe('labDataRecipe', () => {
  it('is the recipe loadLabData gives for the built-in shapes, known before loading', async () => {
    const request = { lab: 'simclr', source: 'shapes', seed: 9 } as const;
    expect(labDataRecipe(request)).toEqual({ id: 'shapes', seed: 9 });
    expect((await loadLabData(request)).recipe).toEqual(labDataRecipe(request));
  });

  it('is null for the images the page loads and sends', () => {
    expect(labDataRecipe({ lab: 'simclr', source: 'photos', seed: 1 })).toBeNull();
    expect(labDataRecipe({ lab: 'simclr', source: 'uploads', seed: 1 })).toBeNull();
    expect(labDataRecipe({ lab: 'blindsr', source: 'textures', seed: 1 })).toBeNull();
  });
});
