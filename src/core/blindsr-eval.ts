import * as tf from '@tensorflow/tfjs';
import type { BlindSrTrainer } from './blindsr';
import { patchSize, srBatch } from './blindsr-config';
import type { BlindSrEvaluation, BlindSrSample } from './blindsr-types';
import { bicubicResize, sampleDegradation, type Degradation } from './degrade';
import { stackImages, type RgbImage } from './image';
import { psnr, spearman } from './metrics';
import { encode } from './models';
import { cutPatches } from './patches';
import { pca2 } from './pca';
import type { Random } from './random';
import { superResolve } from './srnet';

/**
 * Fixed evaluation data for the Blind-SR lab, drawn once from its own seed: a blur grid
 * for the degradation embedding and held-out crops for PSNR.
 */
export class BlindSrEvaluator {
  constructor(
    private readonly trainer: BlindSrTrainer,
    random: Random,
  ) {
    this.evaluationSet = this.makeEvaluationSet(random);
    this.srHeldOut = this.makeHeldOut(random);
  }

  private previousAxes: Float32Array | undefined;
  readonly evaluationSet: {
    hr: tf.Tensor4D;
    low: tf.Tensor4D;
    sigma: Float32Array;
    content: Int32Array;
  };
  readonly srHeldOut: { hr: tf.Tensor4D; low: tf.Tensor4D };
  /** A fixed grid for the embedding plot: 8 blur levels × 6 contents, no noise. */
  private makeEvaluationSet(random: Random) {
    const levels = 8;
    const contents = 6;
    const { images } = this.trainer.sampleHr(contents, random);
    const hr: RgbImage[] = [];
    const degradations: Degradation[] = [];
    const sigma = new Float32Array(levels * contents);
    const content = new Int32Array(levels * contents);
    for (let l = 0; l < levels; l++)
      for (let c = 0; c < contents; c++) {
        const s =
          this.trainer.config.sigmaMin +
          ((this.trainer.config.sigmaMax - this.trainer.config.sigmaMin) * l) / (levels - 1);
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
    const low = tf.keep(this.trainer.degrade(hr, degradations, random));
    const hrTensor = tf.keep(
      tf.tensor4d(stackImages(hr), [hr.length, this.trainer.hrSize, this.trainer.hrSize, 3]),
    );
    return { hr: hrTensor, low, sigma, content };
  }

  private makeHeldOut(random: Random) {
    const { images } = this.trainer.sampleHr(srBatch, random);
    const degradations = images.map(() => sampleDegradation(this.trainer.ranges, random));
    const low = tf.keep(this.trainer.degrade(images, degradations, random));
    const hr = tf.keep(
      tf.tensor4d(stackImages(images), [
        images.length,
        this.trainer.hrSize,
        this.trainer.hrSize,
        3,
      ]),
    );
    return { hr, low };
  }

  /** Embedding of the fixed blur grid and, in stage 2, PSNR on held-out crops. */
  async evaluate(step: number, withSr: boolean): Promise<BlindSrEvaluation> {
    const h = tf.tidy(() => encode(this.trainer.encoder, this.evaluationSet.low, false));
    const data = (await h.data()) as Float32Array;
    h.dispose();
    const rows = this.evaluationSet.sigma.length;
    const projection = pca2(data, rows, this.trainer.encoder.outDim, this.previousAxes);
    this.previousAxes = projection.axes;
    const pc1 = Float32Array.from({ length: rows }, (_, i) => projection.points[i * 2]);
    let sr: BlindSrEvaluation['sr'] = null;
    if (withSr) sr = await this.evaluateSr();
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

  private async evaluateSr(): Promise<NonNullable<BlindSrEvaluation['sr']>> {
    const { hr: hrFull, low: lowFull } = this.srHeldOut;
    const [low, hr] = tf.tidy(() => {
      const corner = [
        { x: 0, y: 0 },
        { x: patchSize, y: patchSize },
      ] as BlindSrSample['patches'];
      const patches = Array.from({ length: lowFull.shape[0] }, () => corner);
      return [
        cutPatches(lowFull, patches)[0],
        cutPatches(hrFull, patches, this.trainer.config.scale)[0],
      ];
    });
    const patchHr = patchSize * this.trainer.config.scale;
    const [bicubic, sr, srPlain] = tf.tidy(() => {
      const representation = encode(this.trainer.encoder, lowFull, false);
      // "without": the batch-mean representation, i.e. no per-image degradation information
      const mean = representation.mean(0, true).tile([low.shape[0], 1]) as tf.Tensor2D;
      return [
        bicubicResize(low, patchHr).clipByValue(0, 1),
        superResolve(this.trainer.sr, low, representation).clipByValue(0, 1),
        superResolve(this.trainer.sr, low, mean).clipByValue(0, 1),
      ];
    });
    const [hrData, lowData, bicubicData, srData, plainData] = (await Promise.all(
      [hr, low, bicubic, sr, srPlain].map((t) => t.data()),
    )) as Float32Array[];
    tf.dispose([bicubic, sr, srPlain, low, hr]);
    const size = patchHr * patchHr * 3;
    const lowStride = patchSize * patchSize * 3;
    const example = {
      low: lowData.slice(0, lowStride),
      bicubic: bicubicData.slice(0, size),
      sr: srData.slice(0, size),
      hr: hrData.slice(0, size),
      lowSize: patchSize,
      hrSize: patchHr,
    };
    return {
      psnrBicubic: psnr(bicubicData, hrData),
      psnrSr: psnr(srData, hrData),
      psnrSrWithoutRepresentation: psnr(plainData, hrData),
      example,
    };
  }

  dispose(): void {
    tf.dispose([
      this.evaluationSet.hr,
      this.evaluationSet.low,
      this.srHeldOut.hr,
      this.srHeldOut.low,
    ]);
  }
}
