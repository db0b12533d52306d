import * as tf from '@tensorflow/tfjs-core';

/** Rows divided by their L2 norm. [B, D] → [B, D] */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => x.div(x.square().sum(1, true).add(1e-12).sqrt()));
}

/**
 * log Σ_j exp(x_ij) of each row, [B, K] → [B], with its gradient written out: dy · softmax(x).
 * tf.logSumExp subtracts the row's max for stability and differentiates through it too (a
 * gradient that cancels to zero, computed with an Equal of the whole matrix against the max:
 * ~1 ms a step on wasm for Blind-SR's [16, 513] logits).
 */
const logSumExpOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const value = tf.logSumExp(x, 1);
  save([x, value]);
  return {
    value,
    gradFunc: (dy: tf.Tensor, [input, lse]: tf.Tensor[]) =>
      tf.mul(tf.exp(tf.sub(input, tf.reshape(lse, [-1, 1]))), tf.reshape(dy, [-1, 1])),
  };
});

export function logSumExpRows(x: tf.Tensor2D): tf.Tensor1D {
  return logSumExpOp(x) as tf.Tensor1D;
}

/**
 * SimCLR NT-Xent (Chen et al. 2020, eq. 1), the paper's form: the mean of ℓ(i, j) over
 * all 2N anchors. google-research/simclr's objective.py returns twice this (it adds the
 * two directions); the UI shows this one.
 *
 * z1, z2: [N, D], row k of each is a view of image k. Views are stacked as [z1; z2], so
 * the positive of anchor i is i + N (mod 2N). Log-sum-exp keeps τ = 0.01 finite.
 */
export function ntXentLoss(z1: tf.Tensor2D, z2: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.tidy(() => {
    const n = z1.shape[0];
    const a = l2Normalize(z1);
    const b = l2Normalize(z2);
    const views = tf.concat([a, b], 0); // [2N, D]
    const logits = views.matMul(views, false, true).div(temperature); // [2N, 2N]
    // self-similarity is excluded from the denominator (k ≠ i)
    const selfMask = tf.eye(2 * n).mul(-1e9);
    const logDenominator = logSumExpRows(logits.add(selfMask) as tf.Tensor2D); // [2N]
    const positive = a.mul(b).sum(1).div(temperature); // [N], s_ij for both directions
    const positives = tf.concat([positive, positive], 0); // [2N]
    return logDenominator.sub(positives).mean() as tf.Scalar;
  });
}

/**
 * The positive term alone, −mean(s_ii⁺/τ): what SimCLR becomes with no negatives.
 * Minimising it lets every view collapse to one point (uniformity → 0).
 */
/**
 * Positive-pair top-1 on the device: the share of the 2N views whose most similar other
 * view is their positive (the page's positiveTop1, without reading the matrix back).
 * z: [2N, D], views stacked as [z1; z2] → scalar
 */
export function positiveTop1OnDevice(z: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const count = z.shape[0];
    const n = count / 2;
    const zn = l2Normalize(z);
    const similarity = zn.matMul(zn, false, true).sub(tf.eye(count).mul(1e9)); // self excluded
    const positives = tf.tensor1d(
      Array.from({ length: count }, (_, row) => (row < n ? row + n : row - n)),
      'int32',
    );
    return similarity.argMax(1).equal(positives).cast('float32').mean() as tf.Scalar;
  });
}

export function positiveOnlyLoss(z1: tf.Tensor2D, z2: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.tidy(
    () => l2Normalize(z1).mul(l2Normalize(z2)).sum(1).div(temperature).neg().mean() as tf.Scalar,
  );
}

/**
 * MoCo InfoNCE (He et al. 2020, Algorithm 1): logits [q·k⁺, q·queueᵀ] / τ with label 0,
 * mean over queries. query, positiveKey: [B, D]; queue: [K, D]. All L2-normalised here.
 */
export function infoNceLoss(
  query: tf.Tensor2D,
  positiveKey: tf.Tensor2D,
  queue: tf.Tensor2D,
  temperature: number,
): tf.Scalar {
  return tf.tidy(() => {
    const { positive, negatives } = queryLogits(query, positiveKey, queue, temperature);
    const logits = tf.concat([positive, negatives], 1) as tf.Tensor2D; // [B, 1 + K]
    return logSumExpRows(logits)
      .sub(positive.squeeze([1]))
      .mean() as tf.Scalar;
  });
}

/**
 * InfoNCE whose negative term is Σ_j w_j exp(s_qj/τ): this playground's form of
 * LightBSR's degradation-prior weighting (a negative with nearly the query's degradation,
 * a likely false negative, counts little). weights: [B, K], ≥ 0.
 * Written as log-sum-exp over [s⁺/τ, s_j/τ + log w_j] so it stays finite.
 */
export function weightedInfoNceLoss(
  query: tf.Tensor2D,
  positiveKey: tf.Tensor2D,
  queue: tf.Tensor2D,
  weights: tf.Tensor2D,
  temperature: number,
): tf.Scalar {
  return tf.tidy(() => {
    const { positive, negatives } = queryLogits(query, positiveKey, queue, temperature);
    const weighted = negatives.add(weights.add(1e-12).log()); // [B, K]
    const logits = tf.concat([positive, weighted], 1) as tf.Tensor2D;
    return logSumExpRows(logits)
      .sub(positive.squeeze([1]))
      .mean() as tf.Scalar;
  });
}

/** positive: [B, 1], negatives: [B, K], both already divided by τ. */
function queryLogits(
  query: tf.Tensor2D,
  positiveKey: tf.Tensor2D,
  queue: tf.Tensor2D,
  temperature: number,
): { positive: tf.Tensor2D; negatives: tf.Tensor2D } {
  const q = l2Normalize(query);
  const k = l2Normalize(positiveKey);
  const bank = l2Normalize(queue);
  const positive = q.mul(k).sum(1, true).div(temperature) as tf.Tensor2D;
  const negatives = q.matMul(bank, false, true).div(temperature) as tf.Tensor2D;
  return { positive, negatives };
}

/**
 * stopgrad(x): x forward, no gradient backward (SimSiam Algorithm 1, `z.detach()`).
 * The gradient is an explicit zero, so a variable reached only through x gets 0, not an
 * error. [B, D] → [B, D]
 */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  const op = tf.customGrad((input, save) => {
    (save as tf.GradSaveFunc)([]);
    return { value: (input as tf.Tensor).clone(), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
  }) as (x: tf.Tensor) => tf.Tensor;
  return op(x) as T;
}

/**
 * SimSiam's D(p, z) = −mean_i cos(p_i, z_i) (Chen & He 2021, eq. 1). p, z: [B, D].
 * The caller decides whether z carries a gradient (stopgrad or not).
 */
export function negativeCosine(p: tf.Tensor2D, z: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => l2Normalize(p).mul(l2Normalize(z)).sum(1).neg().mean() as tf.Scalar);
}

/**
 * SimSiam's symmetric loss (eq. 2): L = ½ D(p1, stopgrad(z2)) + ½ D(p2, stopgrad(z1)).
 * p1, p2: predictions of views a and b; z1, z2: their projections. [N, D] each.
 * Minimum −1. With `useStopGradient = false` the gradient also flows through z, and the
 * trivial constant solution wins (SimSiam §4.1, Fig. 2).
 */
export function simsiamLoss(
  p1: tf.Tensor2D,
  p2: tf.Tensor2D,
  z1: tf.Tensor2D,
  z2: tf.Tensor2D,
  useStopGradient = true,
): tf.Scalar {
  return tf.tidy(() => {
    const target = (z: tf.Tensor2D) => (useStopGradient ? stopGradient(z) : z);
    return negativeCosine(p1, target(z2))
      .add(negativeCosine(p2, target(z1)))
      .mul(0.5) as tf.Scalar;
  });
}

/**
 * BYOL's symmetric loss (Grill et al. 2020, eq. 2 and §3.1): ‖p̂ − ẑ′‖² = 2 − 2 cos(p, z′),
 * mean over the batch, averaged over the two directions (p of view a against the target's
 * z′ of view b, and back). Targets come from the momentum network: no gradient reaches
 * them (they are computed outside the tape, and stop-gradient is applied anyway). Minimum 0.
 * p1, p2: online predictions; t1, t2: target projections. [N, D] each.
 */
export function byolLoss(
  p1: tf.Tensor2D,
  p2: tf.Tensor2D,
  t1: tf.Tensor2D,
  t2: tf.Tensor2D,
): tf.Scalar {
  return tf.tidy(
    () =>
      negativeCosine(p1, stopGradient(t2))
        .add(negativeCosine(p2, stopGradient(t1)))
        .mul(0.5)
        .mul(2)
        .add(2) as tf.Scalar,
  );
}

/**
 * MoCo v2's loss, symmetrised (as in SimSiam Table 4 "MoCo v2 (symmetrized)"): InfoNCE
 * of each view's query against the other view's key and the queue, averaged. It *is*
 * infoNceLoss, twice. q1, q2: queries [N, D]; k1, k2: momentum keys [N, D]; queue [K, D].
 */
export function mocoLoss(
  q1: tf.Tensor2D,
  q2: tf.Tensor2D,
  k1: tf.Tensor2D,
  k2: tf.Tensor2D,
  queue: tf.Tensor2D,
  temperature: number,
): tf.Scalar {
  return tf.tidy(
    () =>
      infoNceLoss(q1, k2, queue, temperature)
        .add(infoNceLoss(q2, k1, queue, temperature))
        .mul(0.5) as tf.Scalar,
  );
}
