/**
 * The gradients of Sum and Mean: dy, with the reduced axes put back as size 1, times ones of
 * x's shape (Mean: dy divided by the count first). tfjs' own make those ones in JavaScript —
 * an array the size of x, fresh and copied to the backend at every step (for a global
 * average pool, 2 MB a SimCLR step) — here the backend fills them (tfjs-wasm: in its own
 * memory). Tiling dy instead was 3–5× slower on tfjs-wasm (its Tile kernel). Same values to
 * the bit: dy·1/n is dy/n·1.
 */
import {
  div,
  fill,
  Mean,
  mul,
  reshape,
  Sum,
  type GradConfig,
  type NamedAttrMap,
  type Tensor,
} from '@tensorflow/tfjs-core';

/** x's shape with the axes of a reduction (`axis` null: all of them) set to 1 */
export function keptShape(shape: readonly number[], axis: number | number[] | null): number[] {
  const axes = axis == null ? shape.map((_, i) => i) : Array.isArray(axis) ? axis : [axis];
  const reduced = new Set(axes.map((a) => (a < 0 ? a + shape.length : a)));
  return shape.map((size, i) => (reduced.has(i) ? 1 : size));
}

function reductionGradient(kernelName: string, averaged: boolean): GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs?: NamedAttrMap) => {
      const [x] = saved;
      const axis = (attrs?.axis ?? null) as number | number[] | null;
      const kept = keptShape(x.shape, axis);
      return {
        x: () => {
          const expanded = reshape(dy as Tensor, kept);
          const count = x.size / kept.reduce((a, b) => a * b, 1);
          return mul(averaged ? div(expanded, count) : expanded, fill(x.shape, 1));
        },
      };
    },
  };
}

export const sumGradient = reductionGradient(Sum, false);
export const meanGradient = reductionGradient(Mean, true);
