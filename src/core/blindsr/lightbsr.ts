import * as tf from '@tensorflow/tfjs-core';
import { blurKernelSize, type BlindSrConfig, type LiveBlindSrChange } from './config';
import { sampleDegradation } from './degrade';
import { distillationTerms } from './distill';
import { BlindSrEvaluator } from './eval';
import { KernelPrior, priorDims } from './kernel-prior';
import {
  copyEncoder,
  parameterCount,
  sigmaShare,
  studentEncoderConfig,
  teacherEncoderConfig,
} from './lightbsr-models';
import { MocoContrast } from './moco-contrast';
import { cutPatches, samplePatches } from './patches';
import { HrSampler } from './sampler';
import { SrStage } from './sr-stage';
import type { BlindSrEvaluation } from './types';
import type { RgbImage } from '../image';
import { spearman } from '../metrics';
import { updateRunningStats, type BatchStats } from '../nn/layers';
import {
  encode,
  encodeMaps,
  encoderTrainables,
  encoderVariables,
  type ConvEncoder,
} from '../nn/models';
import { FlatAdam } from '../nn/optimizer';
import { gradientStep } from '../nn/train-step';
import { pca2 } from '../pca';
import { Random } from '../random';

/** 1 teacher contrast, 2 student distillation (and the control's contrast), 3 SR on the student */
export {
  parameterCount,
  sigmaShare,
  studentEncoderConfig,
  teacherEncoderConfig,
} from './lightbsr-models';

export type LightBsrStage = 1 | 2 | 3;

/** The student's Adam step size in stage 2 (bench/reference/lightbsr_mirror.py --lr-student) */
export const studentLearningRate = 0.002;

export interface DistillationValues {
  kl: number;
  l1: number;
  mse: number;
}

export interface LightBsrModelReadout {
  params: number;
  /** mean wall time of this model's training steps so far */
  msPerStep: number;
}

/** One model's embedding of the blur grid. */
export interface EmbeddingReadout {
  /** PCA of h [M, 2] */
  points: Float32Array;
  /** |Spearman(σ, PC1)|: is blur ordered along h's main axis */
  rho: number;
  /** η²: the share of h's variance between blur levels (1: h depends on σ alone) */
  sigmaShare: number;
}

/** One refresh of the panels: the three embeddings of the blur grid, and SR in stage 3. */
export interface LightBsrEvaluation {
  step: number;
  sigma: Float32Array;
  teacher: EmbeddingReadout;
  student: EmbeddingReadout;
  contrastStudent: EmbeddingReadout;
  /** stage 3: the distilled student's upsamplers (learned = student) and the control's */
  sr: { student: BlindSrEvaluation['sr']; contrastStudent: BlindSrEvaluation['sr'] } | null;
}

/** What the worker sends the page every evaluation of the LightBSR pipeline. */
export interface LightBsrReport {
  evaluation: LightBsrEvaluation;
  stage: LightBsrStage;
  readouts: { teacher: LightBsrModelReadout; student: LightBsrModelReadout };
  /** the last distillation step's terms (null before stage 2) */
  distillation: DistillationValues | null;
  distillSteps: number;
}

/** LightBSR (Yuan et al., ICCV 2025) in this lab: a teacher that sees the degradation, a student distilled from it. */
export class LightBsrTrainer {
  readonly config: BlindSrConfig;
  readonly sampler: HrSampler;
  readonly prior: KernelPrior;
  readonly teacher: MocoContrast;
  readonly student: ConvEncoder;
  /** the same student architecture and init, trained by the contrast alone */
  readonly contrastStudent: MocoContrast;
  readonly studentSr: SrStage;
  readonly contrastStudentSr: SrStage;
  stage: LightBsrStage = 1;
  private readonly random: Random;
  private readonly controlRandom: Random;
  private readonly srRandoms: [Random, Random];
  private readonly studentOptimizer: FlatAdam;
  private readonly evaluators: [BlindSrEvaluator, BlindSrEvaluator];
  private stepCount = 0;
  distillSteps = 0;
  lastDistillation: DistillationValues | null = null;
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
    this.student = copyEncoder(this.contrastStudent.encoder);
    this.studentOptimizer = new FlatAdam(
      encoderTrainables(this.student),
      () => studentLearningRate,
    );
    const srSeed = modelRandom.int(2 ** 31 - 1);
    this.studentSr = new SrStage(
      this.config,
      this.sampler,
      this.student,
      srSeed,
      () => this.distillSteps,
    );
    this.contrastStudentSr = new SrStage(
      this.config,
      this.sampler,
      this.contrastStudent.encoder,
      srSeed,
      () => this.contrastStudent.steps,
    );
    // both upsampler sets see the same batches
    this.srRandoms = [new Random(config.seed + 77), new Random(config.seed + 77)];
    this.evaluators = [
      new BlindSrEvaluator(
        { sampler: this.sampler, encoder: this.student, sr: this.studentSr },
        new Random(config.seed + 7919),
      ),
      new BlindSrEvaluator(
        {
          sampler: this.sampler,
          encoder: this.contrastStudent.encoder,
          sr: this.contrastStudentSr,
        },
        new Random(config.seed + 7919),
      ),
    ];
  }

  get step(): number {
    return this.stepCount;
  }

  /** RGB centred per image (as the lab's encoder), then the prior map: [B, H, W, 3 + P] */
  teacherInput(
    patches: tf.Tensor4D,
    degradations: Parameters<KernelPrior['codes']>[0],
  ): tf.Tensor4D {
    return tf.tidy(() =>
      this.prior.withPrior(patches.sub(patches.mean([1, 2], true)) as tf.Tensor4D, degradations),
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
      distillation: this.lastDistillation,
      distillSteps: this.distillSteps,
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
        msPerStep: mean(this.milliseconds.student, this.distillSteps),
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
      loss = await this.distillStep();
      this.milliseconds.student += performance.now() - start;
      const controlStart = performance.now();
      await this.contrastStudent.step(this.controlRandom);
      this.milliseconds.contrastStudent += performance.now() - controlStart;
    } else {
      const none = () => Promise.resolve();
      loss = (await this.studentSr.step(this.srRandoms[0], none)).loss;
      await this.contrastStudentSr.step(this.srRandoms[1], none);
    }
    this.stepCount += 1;
    return {
      step: this.stepCount,
      stage: this.stage,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds: 0,
    };
  }

  /** Stage 2: the student matches the frozen teacher on one LR quadrant per image. */
  private async distillStep(): Promise<number> {
    const b = this.config.batchSize;
    const { images } = this.sampler.sampleHr(b, this.random);
    const degradations = images.map(() => sampleDegradation(this.sampler.ranges, this.random));
    const low = this.sampler.degrade(images, degradations, this.random);
    const patches = tf.tidy(
      () =>
        cutPatches(
          low,
          images.map(() => samplePatches(this.random)),
        )[0],
    );
    low.dispose();
    const teacherMaps = tf.tidy(() =>
      encodeMaps(this.teacher.encoder, this.teacherInput(patches, degradations), false),
    );
    const stats: BatchStats = [];
    const trainables = encoderTrainables(this.student);
    let kept: tf.Scalar[] = [];
    const value = gradientStep(
      () => {
        const maps = encodeMaps(this.student, patches, true, stats);
        const terms = distillationTerms(
          maps.mean([1, 2]) as tf.Tensor2D,
          teacherMaps.mean([1, 2]) as tf.Tensor2D,
          maps,
          teacherMaps,
        );
        kept = [tf.keep(terms.kl), tf.keep(terms.l1), tf.keep(terms.mse)];
        return terms.total;
      },
      trainables,
      (grads) => this.studentOptimizer.apply(trainables.map((v) => grads[v.name])),
    );
    updateRunningStats(stats);
    const [total, kl, l1, mse] = await Promise.all([value, ...kept].map((t) => t.data()));
    tf.dispose([value, ...kept, teacherMaps, patches]);
    this.lastDistillation = { kl: kl[0], l1: l1[0], mse: mse[0] };
    this.distillSteps += 1;
    return total[0];
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
      const rows = grid.sigma.length;
      const projection = pca2(data, rows, encoder.outDim);
      const pc1 = Float32Array.from({ length: rows }, (_, i) => projection.points[i * 2]);
      return {
        points: projection.points,
        rho: Math.abs(spearman(grid.sigma, pc1)),
        sigmaShare: sigmaShare(data, grid.sigma, encoder.outDim),
      };
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
      ...encoderVariables(this.student),
      ...this.contrastStudent.variables(),
      ...this.studentSr.upsamplers.variables(),
      ...this.contrastStudentSr.upsamplers.variables(),
    ];
  }

  dispose(): void {
    this.teacher.dispose();
    this.contrastStudent.dispose();
    tf.dispose(encoderVariables(this.student));
    this.studentOptimizer.dispose();
    this.studentSr.dispose();
    this.contrastStudentSr.dispose();
    this.evaluators.forEach((e) => e.dispose());
  }
}
