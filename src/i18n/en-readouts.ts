/** English: the representation readouts (merged into the catalogue in en.ts). */
export const enReadouts = {
  'panel.metrics.knnZ': 'kNN accuracy (z, held-out)',
  'panel.metrics.knnZ.help':
    'The same 5-nearest-neighbour accuracy on the projection z = g(h), the space the loss is computed in. Compare it with kNN of h: the head is thrown away after training because h usually keeps more of what the augmentations vary (SimCLR §4.2).',
} as const;
