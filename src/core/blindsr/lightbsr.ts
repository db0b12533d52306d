import * as tf from '@tensorflow/tfjs-core';
import { blurKernelSize, type BlindSrConfig, type LiveBlindSrChange } from './config';
import { BlindSrEvaluator } from './eval';
import { KernelPrior, priorDims } from './kernel-prior';
import {
  parameterCount,
  sigmaShare,
  studentEncoderConfig,
  teacherEncoderConfig,
} from './lightbsr-models';
import { DistilledStudent } from './lightbsr-student';
import type {
  EmbeddingReadout,
  LightBsrEvaluation,
  LightBsrReport,
  LightBsrStage,
  LightBsrStageBatch,
} from './lightbsr-types';
import { MocoContrast } from './moco-contrast';
import { HrSampler } from './sampler';
import { SrStage } from './sr-stage';
import type { BlindSrSample } from './types';
import type { Degradation } from './degrade';
import type { RgbImage } from '../image';
import { spearman } from '../metrics';
import { encode, encodeMaps, type ConvEncoder } from '../nn/models';
import { pca2 } from '../pca';
import { Random } from '../random';

export {
  parameterCount,
  sigmaShare,
  studentEncoderConfig,
  teacherEncoderConfig,
} from './lightbsr-models';
export { studentLearningRate } from './lightbsr-student';
export type * from './lightbsr-types';

/** LightBSR (Yuan et al., ICCV 2025) in this lab: a teacher that sees the degradation, a student distilled from it. */
export class LightBsrTrainer {
  readonly config: BlindSrConfig;
  readonly sampler: HrSampler;
  readonly prior: KernelPrior;
  readonly teacher: MocoContrast;
  readonly distilled: DistilledStudent;
  /** the same student architecture and init, trained by the contrast alone */
  readonly contrastStudent: MocoContrast;
  readonly studentSr: SrStage;
  readonly contrastStudentSr: SrStage;
  stage: LightBsrStage = 1;
  private readonly random: Random;
  private readonly controlRandom: Random;
  private readonly srRandoms: [Random, Random];
  private readonly evaluators: [BlindSrEvaluator, BlindSrEvaluator];
  private stepCount = 0;
  /** stage 3's last batch (stage mode) */
  private lastSrSamples: () => BlindSrSample[] = () => [];
  /** the stage the last step trained in */
  private lastStepStage: LightBsrStage | null = null;
  private readonly milliseconds = { teacher: 0, student: 0, contrastStudent: 0 };

  constructor(config: BlindSrConfig, hrPool: RgbImage[]) {
    if (hrPool.length === 0) throw new Error('the Blind-SR lab needs at least one HR image');
    this.config = { ...config };
    this.stage = config.stage;
    this.sampler = new HrSampler(this.config, hrPool);
    this.random = new Random(config.seed);
    this.controlRandom = new Random(config.seed + 500);
    const modelRandom = this.random.fork();
    this.prior = new KernelPrior(this.sampler.ranges, blurKernelSize, priorDims, config.seed + 3);
    this.teacher = new MocoContrast(
      teacherEncoderConfig,
      this.config,
      this.sampler,
      modelRandom,
      (patches, degradations) => this.teacherInput(patches, degradations),
    );
    this.contrastStudent = new MocoContrast(
      studentEncoderConfig,
      this.config,
      this.sampler,
      modelRandom,
      (patches) => patches.clone(),
    );
    // the distilled student starts from the control's weights: one init for both
    this.distilled = new DistilledStudent(
      this.contrastStudent.encoder,
      this.sampler,
      (patches, degradations) => this.teacherMaps(patches, degradations),
    );
    const srSeed = modelRandom.int(2 ** 31 - 1);
    const sr = (encoder: ConvEncoder, steps: () => number) =>
      new SrStage(this.config, this.sampler, encoder, srSeed, steps);
    this.studentSr = sr(this.student, () => this.distilled.steps);
    this.contrastStudentSr = sr(this.contrastStudent.encoder, () => this.contrastStudent.steps);
    // both upsampler sets see the same batches
    this.srRandoms = [new Random(config.seed + 77), new Random(config.seed + 77)];
    const evaluator = (encoder: ConvEncoder, srStage: SrStage) =>
      new BlindSrEvaluator(
        { sampler: this.sampler, encoder, sr: srStage },
        new Random(config.seed + 7919),
      );
    this.evaluators = [
      evaluator(this.student, this.studentSr),
      evaluator(this.contrastStudent.encoder, this.contrastStudentSr),
    ];
  }

  /** the distilled student's encoder */
  get student(): ConvEncoder {
    return this.distilled.encoder;
  }

  get step(): number {
    return this.stepCount;
  }

  get distillSteps(): number {
    return this.distilled.steps;
  }

  /** RGB centred per image (as the lab's encoder), then the prior map: [B, H, W, 3 + P] */
  teacherInput(patches: tf.Tensor4D, degradations: Degradation[]): tf.Tensor4D {
    return tf.tidy(() =>
      this.prior.withPrior(patches.sub(patches.mean([1, 2], true)) as tf.Tensor4D, degradations),
    );
  }

  /** The frozen teacher's last feature maps (inference statistics). */
  private teacherMaps(patches: tf.Tensor4D, degradations: Degradation[]): tf.Tensor4D {
    return tf.tidy(() =>
      encodeMaps(this.teacher.encoder, this.teacherInput(patches, degradations), false),
    );
  }

  update(change: LiveBlindSrChange): void {
    Object.assign(this.config, change);
    this.stage = this.config.stage;
  }

  report(evaluation: LightBsrEvaluation): LightBsrReport {
    return {
      evaluation,
      stage: this.stage,
      readouts: this.readouts(),
      distillation: this.distilled.last,
      distillSteps: this.distilled.steps,
    };
  }

  readouts(): LightBsrReport['readouts'] {
    const mean = (total: number, steps: number) => (steps > 0 ? total / steps : NaN);
    return {
      teacher: {
        params: parameterCount(this.teacher.encoder),
        msPerStep: mean(this.milliseconds.teacher, this.teacher.steps),
      },
      student: {
        params: parameterCount(this.student),
        msPerStep: mean(this.milliseconds.student, this.distilled.steps),
      },
    };
  }

  /** One step of the current stage; returns its loss (stage 2: the distillation total). */
  async trainStep(): Promise<{
    step: number;
    stage: LightBsrStage;
    loss: number;
    milliseconds: number;
    augmentMilliseconds: number;
  }> {
    const start = performance.now();
    let loss: number;
    if (this.stage === 1) {
      loss = await this.teacher.step(this.random);
      this.milliseconds.teacher += performance.now() - start;
    } else if (this.stage === 2) {
      loss = await this.distilled.step(this.random);
      this.milliseconds.student += performance.now() - start;
      const controlStart = performance.now();
      await this.contrastStudent.step(this.controlRandom);
      this.milliseconds.contrastStudent += performance.now() - controlStart;
    } else {
      const none = () => Promise.resolve();
      const result = await this.studentSr.step(this.srRandoms[0], none);
      await this.contrastStudentSr.step(this.srRandoms[1], none);
      loss = result.loss;
      this.lastSrSamples = result.samples;
    }
    this.lastStepStage = this.stage;
    this.stepCount += 1;
    return {
      step: this.stepCount,
      stage: this.stage,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds: 0,
    };
  }

  /**
   * What the current stage trains on, for stage mode: the last step's batch when it was
   * trained in this stage, else `preview` (a batch drawn the same way, trained on by nothing).
   */
  stageBatch(preview: BlindSrSample[]): LightBsrStageBatch {
    const trained = this.lastStepStage === this.stage;
    const base = { step: this.stepCount, stage: this.stage, side: null, sideDim: 0 };
    if (this.stage === 3) return { ...base, samples: trained ? this.lastSrSamples() : preview };
    if (this.stage === 2)
      return trained && this.distilled.lastTargets
        ? {
            ...base,
            samples: this.distilled.lastSamples,
            side: this.distilled.lastTargets,
            sideDim: this.teacher.encoder.outDim,
          }
        : // the teacher's targets come with the first distillation step
          { ...base, samples: preview };
    const samples = trained ? this.teacher.lastSamples : preview;
    return {
      ...base,
      samples,
      side: this.prior.codes(samples.map((s) => s.degradation)),
      sideDim: priorDims,
    };
  }

  /** The three embeddings of the blur grid (|Spearman(σ, PC1)|, η² each), and SR in stage 3. */
  async evaluate(withSr = this.stage === 3): Promise<LightBsrEvaluation> {
    const [studentEvaluator, controlEvaluator] = this.evaluators;
    const grid = studentEvaluator.evaluationSet;
    const student = withSr ? await studentEvaluator.evaluate(this.stepCount, true) : null;
    const control = withSr ? await controlEvaluator.evaluate(this.stepCount, true) : null;
    const degradations = Array.from(grid.sigma, (s) => ({
      kind: 'isotropic' as const,
      sigma: s,
      lambda1: s,
      lambda2: s,
      theta: 0,
      noise: 0,
    }));
    const readout = async (encoder: ConvEncoder, input: () => tf.Tensor4D) => {
      const h = tf.tidy(() => encode(encoder, input(), false));
      const data = (await h.data()) as Float32Array;
      h.dispose();
      return embeddingReadout(data, grid.sigma, encoder.outDim);
    };
    return {
      step: this.stepCount,
      sigma: grid.sigma.slice(),
      teacher: await readout(this.teacher.encoder, () => this.teacherInput(grid.low, degradations)),
      student: await readout(this.student, () => grid.low),
      contrastStudent: await readout(this.contrastStudent.encoder, () => grid.low),
      sr: student && control ? { student: student.sr, contrastStudent: control.sr } : null,
    };
  }

  variables(): tf.Variable[] {
    return [
      ...this.teacher.variables(),
      ...this.distilled.variables(),
      ...this.contrastStudent.variables(),
      ...this.studentSr.upsamplers.variables(),
      ...this.contrastStudentSr.upsamplers.variables(),
    ];
  }

  dispose(): void {
    this.teacher.dispose();
    this.contrastStudent.dispose();
    this.distilled.dispose();
    this.studentSr.dispose();
    this.contrastStudentSr.dispose();
    this.evaluators.forEach((e) => e.dispose());
  }
}

/** h [M, D] of the grid → PCA, |Spearman(σ, PC1)| and η² */
function embeddingReadout(h: Float32Array, sigma: Float32Array, dim: number): EmbeddingReadout {
  const rows = sigma.length;
  const projection = pca2(h, rows, dim);
  const pc1 = Float32Array.from({ length: rows }, (_, i) => projection.points[i * 2]);
  return {
    points: projection.points,
    rho: Math.abs(spearman(sigma, pc1)),
    sigmaShare: sigmaShare(h, sigma, dim),
  };
}
