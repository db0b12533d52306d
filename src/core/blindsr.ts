import * as tf from '@tensorflow/tfjs';
import { kernelSizeFor, lowSize, patchSize, type BlindSrConfig } from './blindsr-config';
import {
  blurKernel,
  bicubicResize,
  degradeBatch,
  negativeWeights,
  sampleDegradation,
  type Degradation,
  type DegradationRanges,
} from './degrade';
import { cropResize, stackImages, type RgbImage } from './image';
import { updateRunningStats, type BatchStats } from './layers';
import { infoNceLoss, weightedInfoNceLoss } from './losses';
import { psnr, spearman } from './metrics';
import {
  encode,
  encoderTrainables,
  encoderVariables,
  headVariables,
  makeConvEncoder,
  makeProjectionHead,
  project,
  type ConvEncoder,
  type ProjectionHead,
} from './models';
import { FlatAdam } from './optimizer';
import { pca2 } from './pca';
import { NegativeQueue } from './queue';
import { Random } from './random';
import { makeSrNet, srNetVariables, superResolve, type SrNet } from './srnet';

export type { BlindSrConfig } from './blindsr-config';

/** DASR's degradation encoder, browser-sized: 16-16-32(s2)-32-64(s2)-64, LeakyReLU 0.1. */
const encoderChannels = [16, 16, 32, 32, 64, 64];
const encoderStrides = [1, 1, 2, 1, 2, 1];
const embeddingDim = 64;
const srChannels = 24;
const srBlocks = 2;
const srBatch = 8;

export interface BlindSrSample {
  hrSize: number;
  hr: Float32Array; // [HR, HR, 3]
  low: Float32Array; // [32, 32, 3]
  kernel: Float32Array; // [k, k]
  kernelSize: number;
  degradation: Degradation;
  /** the two patches cut from the LR image (top-left corners, side = patchSize) */
  patches: [{ x: number; y: number }, { x: number; y: number }];
}

export interface BlindSrSnapshot {
  step: number;
  stage: 1 | 2;
  loss: number;
  samples: BlindSrSample[];
  patchSize: number;
  queue: {
    capacity: number;
    pointer: number;
    fillRatio: number;
    sigma: Float32Array; // NaN for the random start
    noise: Float32Array;
    enteredAt: Int32Array; // −1 for the random start
    /** weights of every entry for the first query, with the weighting as configured */
    weights: Float32Array;
    weighting: boolean;
    queryDegradation: Degradation | null;
  };
}

export interface BlindSrEvaluation {
  step: number;
  /** PCA of the degradation representation of a fixed grid: blur levels × contents */
  points: Float32Array; // [M, 2]
  sigma: Float32Array; // [M]
  content: Int32Array; // [M]
  /** Spearman correlation of σ with the first principal component */
  spearmanSigma: number;
  /** same for the content index (should stay near 0) */
  explained: [number, number];
  sr: {
    psnrBicubic: number;
    psnrSr: number;
    psnrSrWithoutRepresentation: number;
    /** one held-out example: LR, bicubic, SR, HR */
    example: {
      low: Float32Array;
      bicubic: Float32Array;
      sr: Float32Array;
      hr: Float32Array;
      lowSize: number;
      hrSize: number;
    } | null;
  } | null;
}

export interface BlindSrStepResult {
  step: number;
  loss: number;
  milliseconds: number;
  augmentMilliseconds: number;
}

export class BlindSrTrainer {
  readonly config: BlindSrConfig;
  private readonly hrPool: RgbImage[];
  private readonly random: Random;
  private readonly encoder: ConvEncoder;
  private readonly head: ProjectionHead;
  private readonly keyEncoder: ConvEncoder;
  private readonly keyHead: ProjectionHead;
  private readonly sr: SrNet;
  private readonly contrastOptimizer: FlatAdam;
  private readonly srOptimizer: FlatAdam;
  private readonly queue: NegativeQueue;
  private stepCount = 0;
  private lastLoss = NaN;
  private lastSamples: BlindSrSample[] = [];
  private lastQueryDegradation: Degradation | null = null;
  private previousAxes: Float32Array | undefined;
  private readonly evaluationSet: {
    hr: tf.Tensor4D;
    low: tf.Tensor4D;
    sigma: Float32Array;
    content: Int32Array;
  };
  private readonly srHeldOut: { hr: tf.Tensor4D; low: tf.Tensor4D };

  constructor(config: BlindSrConfig, hrPool: RgbImage[]) {
    if (hrPool.length === 0) throw new Error('the Blind-SR lab needs at least one HR image');
    this.config = { ...config };
    this.hrPool = hrPool;
    this.random = new Random(config.seed);
    const modelRandom = this.random.fork();
    const encoderConfig = {
      inputChannels: 3,
      channels: encoderChannels,
      strides: encoderStrides,
      activation: 'leakyRelu' as const,
    };
    this.encoder = makeConvEncoder(encoderConfig, modelRandom);
    this.head = makeProjectionHead(this.encoder.outDim, embeddingDim, embeddingDim, modelRandom);
    // the key encoder starts as a copy (MoCo builder.py) and is never trained by gradients
    this.keyEncoder = makeConvEncoder(encoderConfig, modelRandom);
    this.keyHead = makeProjectionHead(this.encoder.outDim, embeddingDim, embeddingDim, modelRandom);
    this.momentumUpdate(0);
    this.sr = makeSrNet(this.encoder.outDim, srChannels, srBlocks, config.scale, modelRandom);
    this.contrastOptimizer = new FlatAdam(
      [...encoderTrainables(this.encoder), ...headVariables(this.head)],
      config.learningRate,
    );
    this.srOptimizer = new FlatAdam(srNetVariables(this.sr), config.learningRate);
    this.queue = new NegativeQueue(config.queueSize, embeddingDim, this.random.fork());
    const evalRandom = new Random(config.seed + 7919);
    this.evaluationSet = this.makeEvaluationSet(evalRandom);
    this.srHeldOut = this.makeHeldOut(evalRandom);
  }

  get step(): number {
    return this.stepCount;
  }

  get ranges(): DegradationRanges {
    const c = this.config;
    return { kind: c.blurKind, sigmaMin: c.sigmaMin, sigmaMax: c.sigmaMax, noiseMax: c.noiseMax };
  }

  get hrSize(): number {
    return lowSize * this.config.scale;
  }

  /** Live settings: τ, momentum, weighting, learning rate, stage, degradation ranges. */
  update(change: Partial<BlindSrConfig>): void {
    Object.assign(this.config, change);
    this.contrastOptimizer.learningRate = this.config.learningRate;
    this.srOptimizer.learningRate = this.config.learningRate;
  }

  /** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2); m = 0 copies. */
  private momentumUpdate(m: number): void {
    const query = [...encoderVariables(this.encoder), ...headVariables(this.head)];
    const key = [...encoderVariables(this.keyEncoder), ...headVariables(this.keyHead)];
    tf.tidy(() =>
      key.forEach((k, i) =>
        k.assign(m === 0 ? query[i].clone() : k.mul(m).add(query[i].mul(1 - m))),
      ),
    );
  }

  /** Momentum update, exposed for the unit test of the formula. */
  momentumStepForTest(m: number): { key: tf.Variable[]; query: tf.Variable[] } {
    this.momentumUpdate(m);
    return { key: encoderVariables(this.keyEncoder), query: encoderVariables(this.encoder) };
  }

  /** Random HR crops of the pool, side 32·scale, with a random flip. */
  private sampleHr(count: number, random: Random): { images: RgbImage[]; sources: number[] } {
    const size = this.hrSize;
    const images: RgbImage[] = [];
    const sources: number[] = [];
    for (let i = 0; i < count; i++) {
      const source = random.int(this.hrPool.length);
      const image = this.hrPool[source];
      const side = Math.min(1, size / image.size);
      const box = {
        x: random.uniform(0, 1 - side),
        y: random.uniform(0, 1 - side),
        width: side,
        height: side,
      };
      images.push(cropResize(image, box, size));
      sources.push(source);
    }
    return { images, sources };
  }

  private degrade(hr: RgbImage[], degradations: Degradation[], random: Random): tf.Tensor4D {
    const size = this.hrSize;
    return tf.tidy(() =>
      degradeBatch(
        tf.tensor4d(stackImages(hr), [hr.length, size, size, 3]),
        degradations,
        this.config.scale,
        kernelSizeFor(this.config.scale),
        random,
      ),
    );
  }

  /** A fixed grid for the embedding plot: 8 blur levels × 6 contents, no noise. */
  private makeEvaluationSet(random: Random) {
    const levels = 8;
    const contents = 6;
    const { images } = this.sampleHr(contents, random);
    const hr: RgbImage[] = [];
    const degradations: Degradation[] = [];
    const sigma = new Float32Array(levels * contents);
    const content = new Int32Array(levels * contents);
    for (let l = 0; l < levels; l++)
      for (let c = 0; c < contents; c++) {
        const s =
          this.config.sigmaMin + ((this.config.sigmaMax - this.config.sigmaMin) * l) / (levels - 1);
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
    const low = tf.keep(this.degrade(hr, degradations, random));
    const hrTensor = tf.keep(
      tf.tensor4d(stackImages(hr), [hr.length, this.hrSize, this.hrSize, 3]),
    );
    return { hr: hrTensor, low, sigma, content };
  }

  private makeHeldOut(random: Random) {
    const { images } = this.sampleHr(srBatch, random);
    const degradations = images.map(() => sampleDegradation(this.ranges, random));
    const low = tf.keep(this.degrade(images, degradations, random));
    const hr = tf.keep(
      tf.tensor4d(stackImages(images), [images.length, this.hrSize, this.hrSize, 3]),
    );
    return { hr, low };
  }

  /** Two different quadrants of the LR image. */
  private samplePatches(random: Random): BlindSrSample['patches'] {
    const [a, b] = random.shuffle([0, 1, 2, 3]);
    const corner = (q: number) => ({ x: (q % 2) * patchSize, y: Math.floor(q / 2) * patchSize });
    return [corner(a), corner(b)];
  }

  /** [B, L, L, 3] → two [B, p·f, p·f, 3] patch batches (f: 1 for LR, scale for HR), exact pixels. */
  private cutPatches(
    images: tf.Tensor4D,
    patches: BlindSrSample['patches'][],
    factor = 1,
  ): [tf.Tensor4D, tf.Tensor4D] {
    const n = images.shape[1] - 1;
    const side = patchSize * factor;
    const boxes = (which: 0 | 1) =>
      patches.map((p) => {
        const x = p[which].x * factor;
        const y = p[which].y * factor;
        return [y / n, x / n, (y + side - 1) / n, (x + side - 1) / n];
      });
    const index = patches.map((_, i) => i);
    return [
      tf.image.cropAndResize(images, boxes(0), index, [side, side]),
      tf.image.cropAndResize(images, boxes(1), index, [side, side]),
    ];
  }

  async trainStep(): Promise<BlindSrStepResult> {
    return this.config.stage === 1 ? this.contrastStep() : this.srStep();
  }

  /** Stage 1: patches of one LR image are positives, the queue holds the negatives. */
  private async contrastStep(): Promise<BlindSrStepResult> {
    const start = performance.now();
    const b = this.config.batchSize;
    const pairedByDegradation = this.config.pairing === 'degradation';
    const { images, sources } = this.sampleHr(pairedByDegradation ? 2 * b : b, this.random);
    const degradations = Array.from({ length: b }, () =>
      sampleDegradation(this.ranges, this.random),
    );
    const patches = images.map(() => this.samplePatches(this.random));
    const low = this.degrade(
      images,
      pairedByDegradation ? [...degradations, ...degradations] : degradations,
      this.random,
    );
    const [queryPatches, keyPatches] = tf.tidy((): [tf.Tensor4D, tf.Tensor4D] => {
      const [first, second] = this.cutPatches(low, patches);
      if (!pairedByDegradation) return [first, second];
      // positives: image i and image b + i, different content, same degradation
      return [
        first.slice([0, 0, 0, 0], [b, -1, -1, -1]),
        first.slice([b, 0, 0, 0], [b, -1, -1, -1]),
      ];
    });
    const augmentMilliseconds = performance.now() - start;

    const keys = tf.tidy(() =>
      project(this.keyHead, encode(this.keyEncoder, keyPatches, true), 'leakyRelu'),
    );
    const weights = this.config.weighting
      ? degradations.map((d) =>
          negativeWeights(
            d,
            this.queue.entries.map((e) => e.degradation),
            this.ranges,
            this.config.weightWidth,
          ),
        )
      : null;
    const stats: BatchStats = [];
    const { value, grads } = tf.tidy(() => {
      const queue = tf.tensor2d(this.queue.keys, [this.queue.capacity, this.queue.dim]);
      const weightTensor = weights
        ? tf.tensor2d(concatRows(weights), [b, this.queue.capacity])
        : null;
      return tf.variableGrads(() => {
        const q = project(this.head, encode(this.encoder, queryPatches, true, stats), 'leakyRelu');
        return weightTensor
          ? weightedInfoNceLoss(q, keys, queue, weightTensor, this.config.temperature)
          : infoNceLoss(q, keys, queue, this.config.temperature);
      }, [...encoderTrainables(this.encoder), ...headVariables(this.head)]);
    });
    this.contrastOptimizer.apply(
      [...encoderTrainables(this.encoder), ...headVariables(this.head)].map((v) => grads[v.name]),
    );
    tf.dispose(Object.values(grads));
    updateRunningStats(stats);
    this.momentumUpdate(this.config.momentum);
    // MoCo builder.py: enqueue after the loss
    const keyValues = tf.tidy(() => keys.div(keys.norm('euclidean', 1, true)));
    const keyData = (await keyValues.data()) as Float32Array;
    this.queue.enqueue(
      keyData.slice(),
      degradations.map((degradation, i) => ({
        degradation,
        source: sources[i],
        step: this.stepCount + 1,
      })),
    );
    const loss = (await value.data())[0];
    tf.dispose([value, keys, keyValues, queryPatches, keyPatches]);
    this.stepCount += 1;
    this.lastLoss = loss;
    this.lastQueryDegradation = degradations[0];
    const perImage = pairedByDegradation ? [...degradations, ...degradations] : degradations;
    this.lastSamples = await this.describeSamples(images, low, perImage, patches);
    low.dispose();
    return {
      step: this.stepCount,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds,
    };
  }

  /** Stage 2: L1 of the conditioned upsampler; the degradation encoder is frozen. */
  private async srStep(): Promise<BlindSrStepResult> {
    const start = performance.now();
    const { images } = this.sampleHr(srBatch, this.random);
    const degradations = images.map(() => sampleDegradation(this.ranges, this.random));
    const low = this.degrade(images, degradations, this.random);
    const patches = images.map(() => this.samplePatches(this.random));
    // the upsampler works on one LR quadrant and its HR crop; the representation sees the whole LR image
    const [lowPatch, hrPatch] = tf.tidy(() => {
      const hr = tf.tensor4d(stackImages(images), [images.length, this.hrSize, this.hrSize, 3]);
      return [this.cutPatches(low, patches)[0], this.cutPatches(hr, patches, this.config.scale)[0]];
    });
    const augmentMilliseconds = performance.now() - start;
    const representation = tf.tidy(() => encode(this.encoder, low, false));
    const variables = srNetVariables(this.sr);
    const { value, grads } = tf.variableGrads(
      () => superResolve(this.sr, lowPatch, representation).sub(hrPatch).abs().mean() as tf.Scalar,
      variables,
    );
    this.srOptimizer.apply(variables.map((v) => grads[v.name]));
    tf.dispose(Object.values(grads));
    const loss = (await value.data())[0];
    this.lastSamples = await this.describeSamples(images, low, degradations, patches);
    tf.dispose([value, low, lowPatch, hrPatch, representation]);
    this.stepCount += 1;
    this.lastLoss = loss;
    return {
      step: this.stepCount,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds,
    };
  }

  private async describeSamples(
    images: RgbImage[],
    low: tf.Tensor4D,
    degradations: Degradation[],
    patches: BlindSrSample['patches'][],
  ): Promise<BlindSrSample[]> {
    const count = Math.min(4, images.length, degradations.length);
    const lowData = (await low.data()) as Float32Array;
    const stride = lowSize * lowSize * 3;
    const kernelSize = kernelSizeFor(this.config.scale);
    return Array.from({ length: count }, (_, i) => ({
      hrSize: this.hrSize,
      hr: images[i].pixels.slice(),
      low: lowData.slice(i * stride, (i + 1) * stride),
      kernel: blurKernel(degradations[i], kernelSize),
      kernelSize,
      degradation: degradations[i],
      patches: patches[i],
    }));
  }

  snapshot(): BlindSrSnapshot {
    const q = this.queue;
    const query = this.lastQueryDegradation;
    const weights =
      query && this.config.weighting
        ? negativeWeights(
            query,
            q.entries.map((e) => e.degradation),
            this.ranges,
            this.config.weightWidth,
          )
        : new Float32Array(q.capacity).fill(1);
    return {
      step: this.stepCount,
      stage: this.config.stage,
      loss: this.lastLoss,
      samples: this.lastSamples,
      patchSize,
      queue: {
        capacity: q.capacity,
        pointer: q.pointer,
        fillRatio: q.fillRatio,
        sigma: Float32Array.from(q.entries, (e) => e.degradation?.sigma ?? NaN),
        noise: Float32Array.from(q.entries, (e) => e.degradation?.noise ?? NaN),
        enteredAt: Int32Array.from(q.entries, (e) => e.step),
        weights,
        weighting: this.config.weighting,
        queryDegradation: query,
      },
    };
  }

  /** Embedding of the fixed blur grid and, in stage 2, PSNR on held-out crops. */
  async evaluate(withSr: boolean): Promise<BlindSrEvaluation> {
    const h = tf.tidy(() => encode(this.encoder, this.evaluationSet.low, false));
    const data = (await h.data()) as Float32Array;
    h.dispose();
    const rows = this.evaluationSet.sigma.length;
    const projection = pca2(data, rows, this.encoder.outDim, this.previousAxes);
    this.previousAxes = projection.axes;
    const pc1 = Float32Array.from({ length: rows }, (_, i) => projection.points[i * 2]);
    let sr: BlindSrEvaluation['sr'] = null;
    if (withSr) sr = await this.evaluateSr();
    return {
      step: this.stepCount,
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
        this.cutPatches(lowFull, patches)[0],
        this.cutPatches(hrFull, patches, this.config.scale)[0],
      ];
    });
    const patchHr = patchSize * this.config.scale;
    const [bicubic, sr, srPlain] = tf.tidy(() => {
      const representation = encode(this.encoder, lowFull, false);
      // "without": the batch-mean representation, i.e. no per-image degradation information
      const mean = representation.mean(0, true).tile([low.shape[0], 1]) as tf.Tensor2D;
      return [
        bicubicResize(low, patchHr).clipByValue(0, 1),
        superResolve(this.sr, low, representation).clipByValue(0, 1),
        superResolve(this.sr, low, mean).clipByValue(0, 1),
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

  /** Every variable: query and key encoders, heads, upsampler. */
  variables(): tf.Variable[] {
    return [
      ...encoderVariables(this.encoder),
      ...headVariables(this.head),
      ...encoderVariables(this.keyEncoder),
      ...headVariables(this.keyHead),
      ...srNetVariables(this.sr),
    ];
  }

  dispose(): void {
    tf.dispose([
      ...encoderVariables(this.encoder),
      ...headVariables(this.head),
      ...encoderVariables(this.keyEncoder),
      ...headVariables(this.keyHead),
      ...srNetVariables(this.sr),
      this.evaluationSet.hr,
      this.evaluationSet.low,
      this.srHeldOut.hr,
      this.srHeldOut.low,
    ]);
    this.contrastOptimizer.dispose();
    this.srOptimizer.dispose();
  }
}

function concatRows(rows: Float32Array[]): Float32Array {
  const width = rows[0]?.length ?? 0;
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
}
