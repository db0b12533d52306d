import { emptyB, type B } from './b';

export interface A {
  next: B | null;
}

export const start: A = { next: emptyB };
