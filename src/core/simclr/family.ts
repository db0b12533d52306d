import * as tf from '@tensorflow/tfjs-core';
import type { BatchStats } from '../nn/layers';
import { byolLoss, mocoLoss, ntXentLoss, positiveOnlyLoss, simsiamLoss } from '../nn/losses';
import {
  encode,
  encoderTrainables,
  encoderVariables,
  headTrainables,
  headVariables,
  makeConvEncoder,
  makePredictor,
  makeProjectionHead,
  predict,
  predictorTrainables,
  predictorVariables,
  project,
  type ConvEncoder,
  type Predictor,
  type ProjectionHead,
  type ProjectorNorm,
} from '../nn/models';
import { momentumUpdate as followOnline } from '../nn/train-step';
import { Random } from '../random';
import type { SimclrConfig, SimclrMethod } from './config';

/**
 * BN in the projector, per method (without any, SimSiam and BYOL end below the random
 * encoder's kNN on the shapes; the runs: docs/RESULTS.md):
 * - SimSiam: after the hidden layer (BYOL §3.3's projector). SimSiam's own code also
 *   normalises z, but here that BN keeps the batch spread even without stop-gradient, so
 *   the collapse the lab demonstrates would not show.
 * - BYOL: after both layers (the output one without γ, β); with the hidden BN only it
 *   ends below the random encoder.
 */
export const projectorNormOf: Record<SimclrMethod, ProjectorNorm> = {
  simclr: 'none',
  moco: 'none',
  simsiam: 'hidden',
  byol: 'all',
};

/** The networks of one member of the family, over the same encoder and head. */
export interface FamilyNetworks {
  encoder: ConvEncoder;
  head: ProjectionHead;
  /** SimSiam / BYOL */
  predictor: Predictor | null;
  /** MoCo's key encoder / BYOL's target: momentum copies, never trained by gradients */
  momentumEncoder: ConvEncoder | null;
  momentumHead: ProjectionHead | null;
}

export function makeFamilyNetworks(config: SimclrConfig, modelRandom: Random): FamilyNetworks {
  const { method } = config;
  const encoderConfig = {
    inputChannels: 3,
    channels: config.channels,
    strides: config.strides,
    activation: 'relu' as const,
  };
  const makeHead = (outDim: number, random: Random) =>
    makeProjectionHead(
      outDim,
      config.hiddenDim,
      config.projectionDim,
      random,
      config.projectorBatchNorm ? projectorNormOf[method] : 'none',
    );
  const encoder = makeConvEncoder(encoderConfig, modelRandom);
  const head = makeHead(encoder.outDim, modelRandom);
  const predictor =
    method === 'simsiam' || method === 'byol'
      ? makePredictor(
          config.projectionDim,
          config.predictorHiddenDim,
          config.projectionDim,
          modelRandom,
        )
      : null;
  const networks: FamilyNetworks = {
    encoder,
    head,
    predictor,
    momentumEncoder: null,
    momentumHead: null,
  };
  if (method === 'moco' || method === 'byol') {
    // the momentum copy starts equal to the online network (MoCo builder.py,
    // BYOL §3.1): its initial draw is overwritten, so it takes no draws of the model stream
    const throwaway = new Random(0);
    networks.momentumEncoder = makeConvEncoder(encoderConfig, throwaway);
    networks.momentumHead = makeHead(encoder.outDim, throwaway);
    momentumUpdate(networks, 0);
  }
  return networks;
}

/** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2, BYOL eq. 1); m = 0 copies. BN running stats too. */
export function momentumUpdate(networks: FamilyNetworks, m: number): void {
  const { encoder, head, momentumEncoder, momentumHead } = networks;
  if (!momentumEncoder || !momentumHead) return;
  followOnline(
    [...encoderVariables(momentumEncoder), ...headVariables(momentumHead)],
    [...encoderVariables(encoder), ...headVariables(head)],
    m,
  );
}

/**
 * The momentum network's projections of all 2N views (MoCo keys, BYOL targets), outside
 * any gradient tape; null for SimCLR and SimSiam. [2N, S, S, 3] → [2N, P]
 */
export function momentumTargets(networks: FamilyNetworks, x: tf.Tensor4D): tf.Tensor2D | null {
  const { momentumEncoder, momentumHead } = networks;
  if (!momentumEncoder || !momentumHead) return null;
  return project(momentumHead, encode(momentumEncoder, x, true));
}

/**
 * The method's loss on 2N views x = [a_0..a_{N−1}, b_0..b_{N−1}], and z (the online
 * projections, [2N, P], for the similarity matrix). targets: momentumTargets(x).
 */
export function methodLoss(
  config: SimclrConfig,
  networks: FamilyNetworks,
  x: tf.Tensor4D,
  n: number,
  targets: tf.Tensor2D | null,
  queue: tf.Tensor2D | null,
  stats?: BatchStats,
): { z: tf.Tensor2D; loss: tf.Scalar } {
  const c = config;
  const { encoder, head, predictor } = networks;
  const z = project(head, encode(encoder, x, true, stats), 'relu', true, stats);
  const first = <T extends tf.Tensor2D>(t: T) => t.slice([0, 0], [n, -1]) as tf.Tensor2D;
  const second = <T extends tf.Tensor2D>(t: T) => t.slice([n, 0], [n, -1]) as tf.Tensor2D;
  let loss: tf.Scalar;
  if (c.method === 'moco' && targets && queue) {
    loss = mocoLoss(first(z), second(z), first(targets), second(targets), queue, c.temperature);
  } else if ((c.method === 'simsiam' || c.method === 'byol') && predictor) {
    const p = predict(predictor, z, true, stats);
    loss =
      c.method === 'byol' && targets
        ? byolLoss(first(p), second(p), first(targets), second(targets))
        : simsiamLoss(first(p), second(p), first(z), second(z), c.stopGradient);
  } else {
    loss = c.noNegatives
      ? positiveOnlyLoss(first(z), second(z), c.temperature)
      : ntXentLoss(first(z), second(z), c.temperature);
  }
  return { z, loss };
}

/** What the optimiser moves: the online encoder, head and predictor. */
export function familyTrainables(networks: FamilyNetworks): tf.Variable[] {
  return [
    ...encoderTrainables(networks.encoder),
    ...headTrainables(networks.head),
    ...(networks.predictor ? predictorTrainables(networks.predictor) : []),
  ];
}

/** Every variable, momentum copies included (export, disposal, the leak check). */
export function familyVariables(networks: FamilyNetworks): tf.Variable[] {
  const { encoder, head, predictor, momentumEncoder, momentumHead } = networks;
  return [
    ...encoderVariables(encoder),
    ...headVariables(head),
    ...(predictor ? predictorVariables(predictor) : []),
    ...(momentumEncoder ? encoderVariables(momentumEncoder) : []),
    ...(momentumHead ? headVariables(momentumHead) : []),
  ];
}
