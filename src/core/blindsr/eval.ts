import * as tf from '@tensorflow/tfjs-core';
import type { Degradation } from './degrade';
import { EncoderOutputs } from './encoder-outputs';
import { HeldOutSr } from './eval-sr';
import { stackImages, type RgbImage } from '../image';
import { spearman } from '../metrics';
import { encode, type ConvEncoder } from '../nn/models';
import { pca2 } from '../pca';
import type { Random } from '../random';
import type { HrSampler } from './sampler';
import type { SrStage } from './sr-stage';
import type { BlindSrEvaluation } from './types';

/** What the evaluator reads of the model (the trainer's parts, without the trainer). */
export interface EvaluatedModel {
  sampler: HrSampler;
  encoder: ConvEncoder;
  sr: SrStage;
}

/**
 * Fixed evaluation data for the Blind-SR lab, drawn once from its own seed: a blur grid
 * for the degradation embedding and held-out crops for PSNR.
 */
export class BlindSrEvaluator {
  /** what the encoder alone yields, kept while it is unchanged (frozen in stage 2) */
  private readonly encoderOutputs: EncoderOutputs;

  constructor(
    private readonly model: EvaluatedModel,
    random: Random,
  ) {
    this.evaluationSet = this.makeEvaluationSet(random);
    this.heldOut = new HeldOutSr(model.sampler, random);
    this.encoderOutputs = new EncoderOutputs(model.encoder);
  }

  private previousAxes: Float32Array | undefined;
  /** the held-out crops of stage 2's PSNR */
  private readonly heldOut: HeldOutSr;
  readonly evaluationSet: {
    hr: tf.Tensor4D;
    low: tf.Tensor4D;
    sigma: Float32Array;
    content: Int32Array;
  };
  /** A fixed grid for the embedding plot: 8 blur levels × 6 contents, no noise. */
  private makeEvaluationSet(random: Random) {
    const levels = 8;
    const contents = 6;
    const { images } = this.model.sampler.sampleHr(contents, random);
    const hr: RgbImage[] = [];
    const degradations: Degradation[] = [];
    const sigma = new Float32Array(levels * contents);
    const content = new Int32Array(levels * contents);
    for (let l = 0; l < levels; l++)
      for (let c = 0; c < contents; c++) {
        const s =
          this.model.sampler.config.sigmaMin +
          ((this.model.sampler.config.sigmaMax - this.model.sampler.config.sigmaMin) * l) /
            (levels - 1);
        degradations.push({
          kind: 'isotropic',
          sigma: s,
          lambda1: s,
          lambda2: s,
          theta: 0,
          noise: 0,
        });
        hr.push(images[c]);
        sigma[l * contents + c] = s;
        content[l * contents + c] = c;
      }
    const low = tf.keep(this.model.sampler.degrade(hr, degradations, random));
    const hrTensor = tf.keep(
      tf.tensor4d(stackImages(hr), [
        hr.length,
        this.model.sampler.hrSize,
        this.model.sampler.hrSize,
        3,
      ]),
    );
    return { hr: hrTensor, low, sigma, content };
  }

  /** Embedding of the fixed blur grid and, in stage 2, PSNR on held-out crops. */
  async evaluate(step: number, withSr: boolean): Promise<BlindSrEvaluation> {
    await this.encoderOutputs.refresh();
    const data = await this.encoderOutputs.embedding(async () => {
      const h = tf.tidy(() => encode(this.model.encoder, this.evaluationSet.low, false));
      const values = (await h.data()) as Float32Array;
      h.dispose();
      return values;
    });
    const rows = this.evaluationSet.sigma.length;
    const projection = pca2(data, rows, this.model.encoder.outDim, this.previousAxes);
    this.previousAxes = projection.axes;
    const pc1 = Float32Array.from({ length: rows }, (_, i) => projection.points[i * 2]);
    let sr: BlindSrEvaluation['sr'] = null;
    if (withSr) {
      const { sr: stage } = this.model;
      sr = await this.heldOut.evaluate(stage, (low) =>
        this.encoderOutputs.representation(() => stage.representation(low)),
      );
    }
    return {
      step,
      points: projection.points,
      sigma: this.evaluationSet.sigma.slice(),
      content: this.evaluationSet.content.slice(),
      spearmanSigma: spearman(this.evaluationSet.sigma, pc1),
      explained: projection.explained,
      sr,
    };
  }

  dispose(): void {
    this.encoderOutputs.dispose();
    this.heldOut.dispose();
    tf.dispose([this.evaluationSet.hr, this.evaluationSet.low]);
  }
}
