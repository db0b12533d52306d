import * as tf from '@tensorflow/tfjs-core';
import { checkWeightsFile, decodeFloats, encodeFloats, type WeightsFile } from '../core/weights';
import type { LabRunner } from './lab-runner';
import type { ReplyTo } from './protocol';

/** Worker-side tools beside training: weights out and in, a kernel profile. */

export async function exportWeights(
  runner: LabRunner,
  lab: 'simclr' | 'blindsr',
): Promise<ReplyTo['exportWeights']> {
  const tensors = await Promise.all(
    runner
      .variables()
      .map(async (v) => ({ shape: v.shape, data: encodeFloats((await v.data()) as Float32Array) })),
  );
  return {
    type: 'weights',
    file: { format: 'contrastive-playground-weights', version: 1, lab, tensors },
  };
}

/** Loads a weights file into the running model, or says why it does not fit. */
export function importWeights(
  runner: LabRunner,
  lab: 'simclr' | 'blindsr',
  text: string,
): ReplyTo['importWeights'] {
  const variables = runner.variables();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { type: 'weightsRejected', message: 'not JSON' };
  }
  const problem = checkWeightsFile(
    parsed,
    lab,
    variables.map((v) => v.shape),
  );
  if (problem) return { type: 'weightsRejected', message: problem };
  const file = parsed as WeightsFile;
  tf.tidy(() =>
    variables.forEach((v, i) => v.assign(tf.tensor(decodeFloats(file.tensors[i].data), v.shape))),
  );
  return { type: 'weightsLoaded' };
}

/** Developer hook: kernel times of one training step, summed per kernel. */
export async function profileStep(runner: LabRunner): Promise<ReplyTo['profile']> {
  const info = await tf.profile(async () => {
    await runner.trainStep();
  });
  const byKernel = new Map<string, { ms: number; count: number }>();
  for (const k of info.kernels) {
    const entry = byKernel.get(k.name) ?? { ms: 0, count: 0 };
    entry.ms += Number(k.kernelTimeMs) || 0;
    entry.count += 1;
    byKernel.set(k.name, entry);
  }
  const kernels = [...byKernel.entries()]
    .map(([name, v]) => ({ name, ...v }))
    .sort((a, b) => b.ms - a.ms);
  return { type: 'profile', kernels };
}
