import * as tf from '@tensorflow/tfjs-core';
import { l2Normalize, ntXentLoss, positiveOnlyLoss } from '../core/nn/losses';
import { encode, encoderTrainables, headVariables, project } from '../core/nn/models';
import type { SimclrStageView, SimclrTrainer, ViewsOfBatch } from '../core/simclr/trainer';
import type { BlindSrConfig } from '../core/blindsr/config';
import type { HrSampler } from '../core/blindsr/sampler';
import type { BlindSrSample } from '../core/blindsr/types';
import { batchSamples } from '../core/blindsr/batch-samples';
import { Random } from '../core/random';
import type { StageProbe } from './protocol';

/**
 * Stage mode looks inside one SimCLR step: h and z of the batch on screen, the gradient
 * norm of every layer and the batch's loss after the update. It reads the trainer's model
 * and batches through its read-only `stageView`.
 */

/** The batch on screen: the previewed one if any, else the last encoded one. */
function batchOnScreen(inside: SimclrStageView): ViewsOfBatch | null {
  return inside.pending ?? inside.last;
}

function images(inside: SimclrStageView, views: Float32Array, n: number): tf.Tensor4D {
  const size = inside.config.imageSize;
  return tf.tensor4d(views, [2 * n, size, size, 3]);
}

/** SimCLR eq. 1 (or the positive-only term) of z = [z1; z2]. [2N, D] → scalar */
function batchLoss(inside: SimclrStageView, z: tf.Tensor2D, n: number): tf.Scalar {
  const z1 = z.slice([0, 0], [n, -1]);
  const z2 = z.slice([n, 0], [n, -1]);
  return inside.config.noNegatives
    ? positiveOnlyLoss(z1, z2, inside.config.temperature)
    : ntXentLoss(z1, z2, inside.config.temperature);
}

/** h [2N, C] and normalised z [2N, D] of the batch on screen (BN on batch statistics, as the step). */
export async function probeStages(trainer: SimclrTrainer): Promise<StageProbe | null> {
  const inside = trainer.stageView;
  const batch = batchOnScreen(inside);
  if (!batch) return null;
  const [h, z] = tf.tidy(() => {
    const hidden = encode(inside.encoder, images(inside, batch.views, batch.n), true);
    return [hidden, l2Normalize(project(inside.head, hidden))];
  });
  const [hValues, zValues] = await Promise.all([h.data(), z.data()]);
  const probe: StageProbe = {
    step: trainer.step,
    viewCount: 2 * batch.n,
    h: Float32Array.from(hValues),
    hDim: h.shape[1],
    z: Float32Array.from(zValues),
    zDim: z.shape[1],
  };
  tf.dispose([h, z]);
  return probe;
}

/** Gradient norm of every layer's trainable weights, and the loss, on the batch on screen. */
export async function probeGradients(
  trainer: SimclrTrainer,
): Promise<{ layers: { name: string; norm: number }[]; loss: number } | null> {
  const inside = trainer.stageView;
  const batch = batchOnScreen(inside);
  if (!batch) return null;
  const { encoder, head } = inside;
  // layers as a student reads them: conv i with its batch norm, then the head's two layers
  const groups: { name: string; variables: tf.Variable[] }[] = [
    ...encoder.convs.map((conv, i) => ({
      name: `conv ${i + 1}`,
      variables: [
        conv.filter,
        ...(conv.bias ? [conv.bias] : []),
        encoder.norms[i].gamma,
        encoder.norms[i].beta,
      ],
    })),
    { name: 'g · W1', variables: [head.hidden.kernel, head.hidden.bias] },
    { name: 'g · W2', variables: [head.out.kernel, head.out.bias] },
  ];
  const trainables = [...encoderTrainables(encoder), ...headVariables(head)];
  const norms = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(
      () =>
        batchLoss(
          inside,
          project(head, encode(encoder, images(inside, batch.views, batch.n), true)),
          batch.n,
        ),
      trainables,
    );
    const perLayer = groups.map((group) =>
      tf.addN(group.variables.map((v) => grads[v.name].square().sum())).sqrt(),
    );
    return tf.stack([value, ...perLayer]);
  });
  const values = await norms.data();
  norms.dispose();
  return {
    loss: values[0],
    layers: groups.map((group, i) => ({ name: group.name, norm: values[i + 1] })),
  };
}

/** The loss of the last trained batch with the weights as they are now. */
export async function lossOfLastBatch(trainer: SimclrTrainer): Promise<number> {
  const inside = trainer.stageView;
  if (!inside.last) return NaN;
  const { views, n } = inside.last;
  const loss = tf.tidy(() =>
    batchLoss(
      inside,
      project(inside.head, encode(inside.encoder, images(inside, views, n), true)),
      n,
    ),
  );
  const value = (await loss.data())[0];
  loss.dispose();
  return value;
}

/**
 * A fresh Blind-SR lab has trained on nothing, so stage mode would walk over empty panels:
 * this draws a batch the way a step does (own random stream: the training stream is not
 * touched) for the degradation, patch and queue stages to show.
 */
export async function previewBlindSrSamples(trainer: {
  config: BlindSrConfig;
  sampler: HrSampler;
}): Promise<BlindSrSample[]> {
  const config = trainer.config;
  const count = Math.min(4, config.batchSize);
  const paired = config.pairing === 'degradation';
  const batch = await trainer.sampler.batch(
    {
      images: paired ? 2 * count : count,
      pairing: config.pairing,
      patches: paired ? 1 : 2,
      wholeLow: 'all',
      shown: count,
      hrPatches: false,
    },
    new Random(config.seed + 7919),
  );
  return batchSamples(batch);
}
