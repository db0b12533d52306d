import * as tf from '@tensorflow/tfjs-core';
import type { ConvEncoder } from '../nn/models';
import type { HrSampler } from './sampler';
import type { SrStage } from './sr-stage';
import { patchSize } from './config';

/** Held-out SR set: blur levels × crops per level. */
const srLevels = 8;
const srPerLevel = 8;
import type { BlindSrEvaluation, BlindSrSample } from './types';
import type { Degradation } from './degrade';
import { stackImages, type RgbImage } from '../image';
import { psnr, spearman } from '../metrics';
import { encode, encoderVariables } from '../nn/models';
import { concatRows, cutPatches } from './patches';
import { pca2 } from '../pca';
import type { Random } from '../random';
import { disposeSrInputs, prepareSrInputs, type SrInputs } from './sr-inputs';

/** The held-out crops as the SR evaluation reads them (BlindSrEvaluator.heldOutCrops). */
interface HeldOutCrops {
  lowData: Float32Array;
  hrData: Float32Array;
  bicubicData: Float32Array;
  inputs: SrInputs;
  /** the HR crops' side */
  patchHr: number;
}

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
    this.srHeldOut = this.makeHeldOut(random);
    this.encoderOutputs = new EncoderOutputs(model.encoder);
  }

  private previousAxes: Float32Array | undefined;
  private crops: HeldOutCrops | null = null;
  readonly evaluationSet: {
    hr: tf.Tensor4D;
    low: tf.Tensor4D;
    sigma: Float32Array;
    content: Int32Array;
  };
  readonly srHeldOut: {
    hr: tf.Tensor4D;
    low: tf.Tensor4D;
    degradations: Degradation[];
    sigma: Float32Array;
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

  /**
   * Held-out SR crops: `srLevels` blur levels spread over the range × `srPerLevel` crops,
   * each level's kernels drawn like training's (isotropic: σ at the level; anisotropic:
   * λ1·λ2 = σ² with a random elongation and angle), noise as in training.
   */
  private makeHeldOut(random: Random) {
    const { images } = this.model.sampler.sampleHr(srLevels * srPerLevel, random);
    const ranges = this.model.sampler.ranges;
    const sigma = new Float32Array(images.length);
    const degradations = images.map((_, i) => {
      const level = Math.floor(i / srPerLevel);
      const s = ranges.sigmaMin + ((ranges.sigmaMax - ranges.sigmaMin) * level) / (srLevels - 1);
      sigma[i] = s;
      const noise = random.uniform(0, ranges.noiseMax);
      if (ranges.kind === 'isotropic')
        return { kind: 'isotropic' as const, sigma: s, lambda1: s, lambda2: s, theta: 0, noise };
      const elongation = Math.sqrt(random.uniform(1, 2));
      return {
        kind: 'anisotropic' as const,
        sigma: s,
        lambda1: s * elongation,
        lambda2: s / elongation,
        theta: random.uniform(0, Math.PI),
        noise,
      };
    });
    const low = tf.keep(this.model.sampler.degrade(images, degradations, random));
    const hr = tf.keep(
      tf.tensor4d(stackImages(images), [
        images.length,
        this.model.sampler.hrSize,
        this.model.sampler.hrSize,
        3,
      ]),
    );
    return { hr, low, degradations, sigma };
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

  /**
   * The held-out crops as every SR evaluation reads them — LR and HR pixels, the upsamplers'
   * shared inputs, the bicubic result — made at the first one and kept: they depend on the
   * fixed crops alone (a new scale builds a new evaluator).
   */
  private async heldOutCrops(): Promise<HeldOutCrops> {
    if (this.crops) return this.crops;
    const { hr: hrFull, low: lowFull } = this.srHeldOut;
    const { scale } = this.model.sampler.config;
    const [low, hr] = tf.tidy(() => {
      const corner = [
        { x: 0, y: 0 },
        { x: patchSize, y: patchSize },
      ] as BlindSrSample['patches'];
      const patches = Array.from({ length: lowFull.shape[0] }, () => corner);
      return [cutPatches(lowFull, patches)[0], cutPatches(hrFull, patches, scale)[0]];
    });
    const lowData = (await low.data()) as Float32Array;
    const inputs = prepareSrInputs(lowData, low.shape[0], patchSize, scale);
    const bicubic = tf.tidy(() => inputs.upsampled.clipByValue(0, 1));
    const [hrData, bicubicData] = (await Promise.all([
      hr.data(),
      bicubic.data(),
    ])) as Float32Array[];
    tf.dispose([low, hr, bicubic]);
    this.crops = { lowData, hrData, bicubicData, inputs, patchHr: patchSize * scale };
    return this.crops;
  }

  private async evaluateSr(): Promise<NonNullable<BlindSrEvaluation['sr']>> {
    const { low: lowFull, sigma } = this.srHeldOut;
    const { sr } = this.model;
    const { lowData, hrData, bicubicData, inputs, patchHr } = await this.heldOutCrops();
    const learned = this.encoderOutputs.representation(() => sr.representation(lowFull));
    const conditions = sr.conditions(lowFull, this.srHeldOut.degradations, learned);
    const outputs = tf.tidy(() =>
      sr.upsamplers.outputs(inputs, conditions).map((t) => t.clipByValue(0, 1)),
    );
    // the learned condition stays with the encoder's outputs
    tf.dispose([conditions.none, conditions.oracle]);
    const methodData = [
      bicubicData,
      ...((await Promise.all(outputs.map((t) => t.data()))) as Float32Array[]),
    ];
    tf.dispose(outputs);
    const size = patchHr * patchHr * 3;
    const count = sigma.length;
    // per crop, per method: PSNR; the overall figure is the PSNR of all crops together
    const byLevel = Array.from({ length: srLevels }, (_, level) => {
      const rows = Array.from({ length: srPerLevel }, (_, k) => level * srPerLevel + k);
      const pick = (data: Float32Array) =>
        concatRows(rows.map((r) => data.subarray(r * size, (r + 1) * size)));
      const truth = pick(hrData);
      const [bicubic, without, learned, oracleValue] = methodData.map((d) => psnr(pick(d), truth));
      return { sigma: sigma[level * srPerLevel], bicubic, without, learned, oracle: oracleValue };
    });
    const [, plainData, srData, oracleData] = methodData;
    // the example: a strongly blurred crop, where the representation matters most
    const shown = Math.min(count - 1, Math.floor(srLevels * 0.75) * srPerLevel);
    const lowStride = patchSize * patchSize * 3;
    const example = {
      low: lowData.slice(shown * lowStride, (shown + 1) * lowStride),
      bicubic: bicubicData.slice(shown * size, (shown + 1) * size),
      sr: srData.slice(shown * size, (shown + 1) * size),
      hr: hrData.slice(shown * size, (shown + 1) * size),
      sigma: sigma[shown],
      lowSize: patchSize,
      hrSize: patchHr,
    };
    return {
      psnrBicubic: psnr(bicubicData, hrData),
      psnrSr: psnr(srData, hrData),
      psnrSrWithoutRepresentation: psnr(plainData, hrData),
      psnrOracle: psnr(oracleData, hrData),
      byLevel,
      example,
    };
  }

  dispose(): void {
    this.encoderOutputs.dispose();
    if (this.crops) disposeSrInputs(this.crops.inputs);
    this.crops = null;
    tf.dispose([
      this.evaluationSet.hr,
      this.evaluationSet.low,
      this.srHeldOut.hr,
      this.srHeldOut.low,
    ]);
  }
}

/**
 * What an evaluation computes from the degradation encoder alone — the blur grid's embedding
 * and the held-out crops' standardised representation — kept while the encoder's variables
 * (weights and batch-norm running statistics) hold the same bits. In stage 2 the encoder is
 * frozen unless fine-tuned jointly, so every evaluation after the first reuses both (on wasm
 * here ~100 of a stage-2 evaluation's ~250 ms, every 20 steps). The representation also
 * depends on the statistics SrStage standardises it with; they are refreshed only after a
 * stage-1 step, which moves the running statistics, so the bits decide for them too.
 */
class EncoderOutputs {
  /** the encoder's variables, flat, when the outputs below were computed */
  private bits: Uint32Array | null = null;
  private grid: Float32Array | null = null;
  private heldOut: tf.Tensor2D | null = null;

  constructor(private readonly encoder: ConvEncoder) {}

  /** Reads the encoder's variables and forgets the outputs when any of them changed. */
  async refresh(): Promise<void> {
    const flat = tf.tidy(() =>
      tf.concat(encoderVariables(this.encoder).map((v) => v.reshape([-1]))),
    );
    const values = (await flat.data()) as Float32Array;
    flat.dispose();
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    if (this.bits && sameBits(this.bits, bits)) return;
    this.bits = bits.slice();
    this.grid = null;
    this.heldOut?.dispose();
    this.heldOut = null;
  }

  /** The grid's embedding h (rows × D), computed by `compute` when not kept. */
  async embedding(compute: () => Promise<Float32Array>): Promise<Float32Array> {
    this.grid ??= await compute();
    return this.grid;
  }

  /** The held-out crops' representation, computed by `compute` when not kept (owned here). */
  representation(compute: () => tf.Tensor2D): tf.Tensor2D {
    this.heldOut ??= tf.keep(compute());
    return this.heldOut;
  }

  dispose(): void {
    this.heldOut?.dispose();
    this.heldOut = null;
    this.grid = null;
    this.bits = null;
  }
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
