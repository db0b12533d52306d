// Tests are exempt: a core test may build its inputs from any layer.
import { readStore } from '../state/store';

export const language = readStore().language;
