import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsActive } from './simd-kernels';
import { momentumKernel } from './simd-ops';

/**
 * One gradient step, the same for every lab: the gradients of `loss` with respect to
 * `variables` (every tensor the loss creates is freed), handed to `apply` (an optimiser),
 * then freed. Returns the loss value; the caller disposes it.
 */
export function gradientStep(
  loss: () => tf.Scalar,
  variables: tf.Variable[],
  apply: (grads: tf.NamedTensorMap) => void,
): tf.Scalar {
  const { value, grads } = tf.tidy(() => tf.variableGrads(loss, variables));
  // outside the tidy: the optimiser's own state must outlive it
  apply(grads);
  tf.dispose(Object.values(grads));
  return value;
}

/** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2; BYOL's target update); m = 0 copies. */
export function momentumUpdate(key: tf.Variable[], query: tf.Variable[], m: number): void {
  if (m !== 0 && key.length > 0 && simdKernelsActive()) {
    // tfjs-wasm: one kernel call for every variable, not a Mul, a Mul and an Add each
    const updated = momentumKernel(key, query, m);
    key.forEach((k, i) => k.assign(updated[i]));
    tf.dispose(updated);
    return;
  }
  tf.tidy(() =>
    key.forEach((k, i) => k.assign(m === 0 ? query[i].clone() : k.mul(m).add(query[i].mul(1 - m)))),
  );
}
