import * as tf from '@tensorflow/tfjs-core';
import { FlatAdam, type LearningRate } from '../nn/optimizer';
import { Random } from '../random';
import { makeSrNet, srNetVariables, superResolve, type SrNet } from './srnet';
import type { SrInputs } from './sr-inputs';

const srChannels = 24;
const srBlocks = 2;

/** The three conditions of one LR batch: learned representation, none (zeros), true degradation. */
export interface Conditions {
  learned: tf.Tensor2D;
  none: tf.Tensor2D;
  oracle: tf.Tensor2D;
}

/**
 * Stage 2's three upsamplers, trained side by side from the same initial weights on the
 * same batches: conditioned on the learned representation, on zeros (the same network
 * without the representation: it learns one fixed FiLM and sharpening), and on the true
 * degradation (a reference: it can lose to the learned condition in a short run). One Adam over all three: their losses are summed, so each
 * net's gradient comes from its own term only, as with three separate optimisers.
 */
export class Upsamplers {
  readonly learned: SrNet;
  readonly without: SrNet;
  readonly oracle: SrNet;
  private readonly optimizer: FlatAdam;

  constructor(
    representationDim: number,
    oracleDim: number,
    scale: number,
    seed: number,
    learningRate: LearningRate,
  ) {
    // built from one seed: only the condition layer (built last) may differ in size
    const make = (conditionDim: number) =>
      makeSrNet(conditionDim, srChannels, srBlocks, scale, new Random(seed));
    this.learned = make(representationDim);
    this.without = make(representationDim);
    this.oracle = make(oracleDim);
    this.optimizer = new FlatAdam(this.variables(), learningRate);
  }

  variables(): tf.Variable[] {
    return [
      ...srNetVariables(this.learned),
      ...srNetVariables(this.without),
      ...srNetVariables(this.oracle),
    ];
  }

  /** [without, learned, oracle] outputs, each [B, H, W, 3]. */
  outputs(inputs: SrInputs, conditions: Conditions): tf.Tensor4D[] {
    return [
      superResolve(this.without, inputs, conditions.none),
      superResolve(this.learned, inputs, conditions.learned),
      superResolve(this.oracle, inputs, conditions.oracle),
    ];
  }

  /**
   * The summed L1 of the three against hr [B, H, W, 3] (inside a gradient tape), and the
   * learned net's own term, kept for the loss readout.
   */
  losses(
    inputs: SrInputs,
    hr: tf.Tensor4D,
    conditions: Conditions,
  ): { total: tf.Scalar; learned: tf.Scalar } {
    const [without, learned, oracle] = this.outputs(inputs, conditions).map(
      (output) => output.sub(hr).abs().mean() as tf.Scalar,
    );
    return { total: without.add(learned).add(oracle) as tf.Scalar, learned: tf.keep(learned) };
  }

  /** Applies gradients keyed by variable name (from tf.variableGrads). */
  apply(grads: tf.NamedTensorMap): void {
    this.optimizer.apply(this.variables().map((v) => grads[v.name]));
  }

  dispose(): void {
    tf.dispose(this.variables());
    this.optimizer.dispose();
  }
}
