import * as tf from '@tensorflow/tfjs-core';

/** LightBSR distillation_loss.py: the temperature of the representations' softmax. */
export const distillationTemperature = 0.15;
/** LightBSR student_trainer.py: weights of KL, L1 and the feature-map MSE. */
export const distillationWeights = { kl: 1, l1: 0.1, mse: 1 } as const;

export interface DistillationTerms {
  kl: tf.Scalar;
  l1: tf.Scalar;
  mse: tf.Scalar;
  /** kl·1 + l1·0.1 + mse·1 */
  total: tf.Scalar;
}

/**
 * The student's alignment to the frozen teacher (LightBSR loss/distillation_loss.py):
 * - KL between the softmax of the two degradation representations at temperature 0.15,
 *   in PyTorch's KLDivLoss(log p_s, p_t) form: Σ p_t (log p_t − log p_s), the batch mean
 *   (the paper writes it KL(IDR_s ‖ IDR_t); the released loss takes the teacher as target);
 * - 0.1 · L1 (mean absolute difference) between the representations;
 * - MSE between the encoders' last feature maps.
 * studentH, teacherH: [B, D]; studentMaps, teacherMaps: [B, H, W, C] (same shape).
 */
export function distillationTerms(
  studentH: tf.Tensor2D,
  teacherH: tf.Tensor2D,
  studentMaps: tf.Tensor4D,
  teacherMaps: tf.Tensor4D,
  temperature = distillationTemperature,
): DistillationTerms {
  return tf.tidy(() => {
    const logStudent = tf.logSoftmax(studentH.div(temperature));
    const logTeacher = tf.logSoftmax(teacherH.div(temperature));
    const kl = logTeacher.exp().mul(logTeacher.sub(logStudent)).sum(1).mean() as tf.Scalar;
    const l1 = studentH.sub(teacherH).abs().mean() as tf.Scalar;
    const mse = studentMaps.sub(teacherMaps).square().mean() as tf.Scalar;
    const total = kl
      .mul(distillationWeights.kl)
      .add(l1.mul(distillationWeights.l1))
      .add(mse.mul(distillationWeights.mse)) as tf.Scalar;
    return { kl, l1, mse, total };
  });
}
