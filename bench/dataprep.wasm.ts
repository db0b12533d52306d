// Not a test: where the Blind-SR data preparation's milliseconds go, per part, for the
// default stage-1 and stage-2 batches (wasm in node, 1 thread; plain JS but for the
// tensors). Usage: npx vitest run --config bench/vitest.config.ts bench/dataprep.wasm.ts
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { makeTextures } from '../src/data/textures';
import {
  defaultBlindSrConfig,
  kernelSizeFor,
  lowSize,
  patchSize,
  srBatch,
} from '../src/core/blindsr/config';
import { prepareBlindSrBatch, type BlindSrBatchSpec } from '../src/core/blindsr/batch';
import { batchSamples } from '../src/core/blindsr/batch-samples';
import { cropHr } from '../src/core/blindsr/crops';
import {
  addNoise,
  degradeFromPoolJs,
  separableFactorsFor,
} from '../src/core/blindsr/degrade-separable';
import { sampleDegradation, type DegradationRanges } from '../src/core/blindsr/degrade';
import { samplePatches } from '../src/core/blindsr/patches';
import { degradeFromPool } from '../src/core/blindsr/pool-wasm';
import { Random } from '../src/core/random';

const steps = Number(process.env.PROFILE_STEPS ?? 30);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

function profile(label: string, spec: BlindSrBatchSpec, parts: Record<string, () => unknown>) {
  const times: Record<string, number[]> = {};
  for (let i = 0; i < steps + 5; i++)
    for (const [name, run] of Object.entries(parts)) {
      // CPU time: the fair figure while other processes share the machine
      const start = process.cpuUsage();
      run();
      const { user, system } = process.cpuUsage(start);
      if (i >= 5) (times[name] ??= []).push((user + system) / 1000);
    }
  console.log(`DATAPREP ${label} (${spec.images} HR crops of ${lowSize * spec.scale}²), CPU ms`);
  for (const [name, values] of Object.entries(times))
    console.log(`  ${name.padEnd(50)} ${median(values).toFixed(2).padStart(7)} ms`);
}

it('Blind-SR data preparation, per part', async () => {
  expect(tf.getBackend()).toBe('wasm');
  const pool = makeTextures(2, 192, 12);
  const c = defaultBlindSrConfig;
  const ranges: DegradationRanges = {
    kind: c.blurKind,
    sigmaMin: c.sigmaMin,
    sigmaMax: c.sigmaMax,
    noiseMax: Number(process.env.PROFILE_NOISE ?? c.noiseMax),
  };
  const b = c.batchSize;
  const stage1: BlindSrBatchSpec = {
    images: 2 * b,
    scale: c.scale,
    ranges,
    pairing: 'degradation',
    patches: 1,
    wholeLow: 'shown',
    shown: 4,
    hrPatches: false,
  };
  const stage2: BlindSrBatchSpec = {
    ...stage1,
    images: srBatch,
    pairing: 'image',
    wholeLow: 'all',
    hrPatches: true,
  };
  for (const [label, spec] of [
    ['stage 1', stage1],
    ['stage 2', stage2],
  ] as const) {
    const random = new Random(1);
    const hrSize = lowSize * spec.scale;
    const kept = spec.hrPatches ? spec.images : 0;
    let degradations = Array.from({ length: spec.images }, () => sampleDegradation(ranges, random));
    const paired = spec.pairing === 'degradation';
    let factors = separableFactorsFor(degradations, hrSize, kernelSizeFor(spec.scale));
    const out = new Float32Array(spec.images * lowSize * lowSize * 3);
    const whole = { top: 0, left: 0, height: lowSize, width: lowSize };
    const regionOf = (i: number) =>
      spec.wholeLow === 'all' || i < spec.shown || (paired && i >= b && i < b + spec.shown)
        ? whole
        : { top: 0, left: patchSize, height: patchSize, width: patchSize };
    const size = pool[0].size;
    const box = { x: 0.13, y: 0.41, width: hrSize / size, height: hrSize / size };
    const images = () =>
      factors.map((blur, i) => ({
        draw: { source: i % pool.length, box },
        blur: blur!,
        regions: [regionOf(i)],
        outs: [{ data: out, offset: 0 }],
      }));
    let batch = await prepareBlindSrBatch(spec, pool, random);
    profile(label, spec, {
      [`HR crops kept (${kept}: HR patches)`]: () => cropHr(pool, kept, hrSize, random),
      'degradation and quadrant draws': () => {
        const drawn = Array.from({ length: paired ? spec.images / 2 : spec.images }, () =>
          sampleDegradation(ranges, random),
        );
        degradations = paired ? [...drawn, ...drawn] : drawn;
        degradations.forEach(() => samplePatches(random));
      },
      "the blurs' 1-D factors": () => {
        factors = separableFactorsFor(degradations, hrSize, kernelSizeFor(spec.scale));
      },
      'LR regions from the pool: weights, crop, blur ↓ (JS)': () =>
        degradeFromPoolJs(pool, hrSize, lowSize, images()),
      'LR regions from the pool: weights, crop, blur ↓ (wasm)': () =>
        degradeFromPool(pool, hrSize, lowSize, images()),
      'noise + clamp': () =>
        degradations.forEach((d, i) =>
          addNoise(d, lowSize, [regionOf(i)], [{ data: out, offset: 0 }], random),
        ),
      'whole batch (prepareBlindSrBatch)': () =>
        void prepareBlindSrBatch(spec, pool, random).then((next) => (batch = next)),
      'patch tensors (upload)': () =>
        tf.dispose(
          batch.lowPatches.map((p) => tf.tensor4d(p, [spec.images, patchSize, patchSize, 3])),
        ),
      "panels' samples": () => batchSamples(batch),
    });
  }
});
