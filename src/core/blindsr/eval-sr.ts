import * as tf from '@tensorflow/tfjs-core';
import { patchSize } from './config';
import type { Degradation } from './degrade';
import { stackImages } from '../image';
import { psnr } from '../metrics';
import { concatRows, cutPatches } from './patches';
import type { Random } from '../random';
import type { HrSampler } from './sampler';
import { disposeSrInputs, prepareSrInputs, type SrInputs } from './sr-inputs';
import type { SrStage } from './sr-stage';
import type { BlindSrEvaluation, BlindSrSample } from './types';

/** Held-out SR set: blur levels × crops per level. */
const srLevels = 8;
const srPerLevel = 8;

type SrEvaluation = NonNullable<BlindSrEvaluation['sr']>;

/** The held-out crops as the SR evaluation reads them (HeldOutSr.heldOutCrops). */
interface HeldOutCrops {
  lowData: Float32Array;
  hrData: Float32Array;
  bicubicData: Float32Array;
  inputs: SrInputs;
  /** the HR crops' side */
  patchHr: number;
}

/** The Blind-SR lab's held-out SR crops, drawn once, and the stage-2 PSNR measured on them. */
export class HeldOutSr {
  private readonly set: {
    hr: tf.Tensor4D;
    low: tf.Tensor4D;
    degradations: Degradation[];
    sigma: Float32Array;
  };
  private crops: HeldOutCrops | null = null;

  constructor(
    private readonly sampler: HrSampler,
    random: Random,
  ) {
    this.set = makeHeldOut(sampler, random);
  }

  /**
   * The held-out crops as every SR evaluation reads them — LR and HR pixels, the upsamplers'
   * shared inputs, the bicubic result — made at the first one and kept: they depend on the
   * fixed crops alone (a new scale builds a new evaluator).
   */
  private async heldOutCrops(): Promise<HeldOutCrops> {
    if (this.crops) return this.crops;
    const { hr: hrFull, low: lowFull } = this.set;
    const { scale } = this.sampler.config;
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

  /**
   * PSNR of bicubic and of the three upsamplers on the crops, by blur level and overall, and
   * one strongly blurred example. `representation`: the crops' learned condition, [64, D]
   * (kept by the caller).
   */
  async evaluate(
    sr: SrStage,
    representation: (low: tf.Tensor4D) => tf.Tensor2D,
  ): Promise<SrEvaluation> {
    const { low: lowFull, sigma } = this.set;
    const { lowData, hrData, bicubicData, inputs, patchHr } = await this.heldOutCrops();
    const learned = representation(lowFull);
    const conditions = sr.conditions(lowFull, this.set.degradations, learned);
    const outputs = tf.tidy(() =>
      sr.upsamplers.outputs(inputs, conditions).map((t) => t.clipByValue(0, 1)),
    );
    // the learned condition stays with the caller
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
    if (this.crops) disposeSrInputs(this.crops.inputs);
    this.crops = null;
    tf.dispose([this.set.hr, this.set.low]);
  }
}

/**
 * Held-out SR crops: `srLevels` blur levels spread over the range × `srPerLevel` crops,
 * each level's kernels drawn like training's (isotropic: σ at the level; anisotropic:
 * λ1·λ2 = σ² with a random elongation and angle), noise as in training.
 */
function makeHeldOut(sampler: HrSampler, random: Random) {
  const { images } = sampler.sampleHr(srLevels * srPerLevel, random);
  const ranges = sampler.ranges;
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
  const low = tf.keep(sampler.degrade(images, degradations, random));
  const hr = tf.keep(
    tf.tensor4d(stackImages(images), [images.length, sampler.hrSize, sampler.hrSize, 3]),
  );
  return { hr, low, degradations, sigma };
}
