// Every kind of arrow from core up to a higher layer: each line is one error.
import type { PlaygroundState } from '../state/store';
import { chartWidth } from '../panels/chart';

export { readStore } from '../state/store';
export type Snapshot = import('../state/store').PlaygroundState;

export async function loadStore(): Promise<unknown> {
  return import('../state/store');
}

export function widthFor(state: PlaygroundState): number {
  return state.language === 'en' ? chartWidth : chartWidth / 2;
}
