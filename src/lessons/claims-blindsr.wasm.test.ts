import { makeShapesDataset } from '../data/shapes';
import { makeTextures } from '../data/textures';
import { describeClaims } from './claims-harness';
import { lessons } from './lessons';

// the Blind-SR and LightBSR lessons' claims (claims-harness.ts); the page's data
describeClaims(
  lessons.filter((lesson) => lesson.lab === 'blindsr'),
  {
    shapes: (seed) => makeShapesDataset(seed, 40),
    textures: (seed) => makeTextures(seed, 192, 12),
  },
);
