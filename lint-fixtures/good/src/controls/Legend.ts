import { swatchSize } from '../ui/Swatch';
import { translatorOf } from '../state/translator';

export const legend = () => `${translatorOf()('title')} ${swatchSize}`;
