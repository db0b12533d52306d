export const swatchSize = 12;
