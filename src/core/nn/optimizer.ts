import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsActive } from './simd-kernels';
import { adamKernel } from './simd-ops';

/**
 * Where an optimizer reads its learning rate: a lab's live config field, read at every step,
 * so a change to the config is the whole of a learning-rate update (no trainer copies it).
 */
export type LearningRate = () => number;

/**
 * Adam (Kingma & Ba 2015, Algorithm 1) over all of a model's variables at once: the
 * gradients are concatenated into one vector, the moments live in one vector each.
 * Same numbers as tf.train.adam, but ~40 kernels a step instead of ~14 per variable —
 * per-kernel overhead dominates small models on the CPU backends — and on tfjs-wasm one
 * (our SIMD kernel, assembly/optim.ts). Variables are
 * addressed by their position in `variables` (the explicit varList, tfjs #4290).
 */
export class FlatAdam {
  readonly learningRate: LearningRate;
  private readonly variables: tf.Variable[];
  private readonly sizes: number[];
  private readonly firstMoment: tf.Variable;
  private readonly secondMoment: tf.Variable;
  private iteration = 0;

  constructor(
    variables: tf.Variable[],
    learningRate: LearningRate,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {
    this.variables = variables;
    this.learningRate = learningRate;
    this.sizes = variables.map((v) => v.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    // tidy frees the zeros; the variables keep their own reference to the data
    this.firstMoment = tf.tidy(() => tf.variable(tf.zeros([total]), false));
    this.secondMoment = tf.tidy(() => tf.variable(tf.zeros([total]), false));
  }

  /** gradients[i] belongs to variables[i] (same shape). */
  apply(gradients: tf.Tensor[]): void {
    this.iteration += 1;
    const t = this.iteration;
    // bias corrections folded into one step size (Kingma & Ba, end of §2)
    const stepSize = (this.learningRate() * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    const epsilonHat = this.epsilon * Math.sqrt(1 - this.beta2 ** t);
    if (simdKernelsActive()) {
      const outputs = adamKernel(gradients, this.variables, this.firstMoment, this.secondMoment, {
        beta1: this.beta1,
        beta2: this.beta2,
        stepSize,
        epsilonHat,
      });
      this.variables.forEach((variable, i) => variable.assign(outputs[i]));
      this.firstMoment.assign(outputs[this.variables.length]);
      this.secondMoment.assign(outputs[this.variables.length + 1]);
      tf.dispose(outputs);
      return;
    }
    tf.tidy(() => {
      const g = tf.concat(gradients.map((grad) => grad.reshape([-1])));
      const m = this.firstMoment.mul(this.beta1).add(g.mul(1 - this.beta1));
      const v = this.secondMoment.mul(this.beta2).add(g.square().mul(1 - this.beta2));
      this.firstMoment.assign(m);
      this.secondMoment.assign(v);
      const update = m.div(v.sqrt().add(epsilonHat)).mul(stepSize);
      const parts = tf.split(update, this.sizes);
      this.variables.forEach((variable, i) =>
        variable.assign(variable.sub(parts[i].reshape(variable.shape))),
      );
    });
  }

  dispose(): void {
    this.firstMoment.dispose();
    this.secondMoment.dispose();
  }
}
