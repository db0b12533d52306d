/**
 * The gradients of Sum and Mean: dy, with the reduced axes put back as size 1, tiled over
 * them (Mean: divided by the count first). tfjs' own multiply dy by `ones(x.shape)`, an array
 * the size of x made in JavaScript and copied to the backend at every step — for a global
 * average pool, a fresh 2 MB a SimCLR step. Same values to the bit: dy·1/n is dy/n.
 */
import {
  broadcastTo,
  div,
  Mean,
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
          return broadcastTo(averaged ? div(expanded, count) : expanded, x.shape);
        },
      };
    },
  };
}

export const sumGradient = reductionGradient(Sum, false);
export const meanGradient = reductionGradient(Mean, true);
