import type { A } from './a';

export interface B {
  previous: A | null;
}

export const emptyB: B = { previous: null };
