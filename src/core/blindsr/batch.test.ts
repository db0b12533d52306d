import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { cropResize, stackImages } from '../image';
import { Random } from '../random';
import { prepareBlindSrBatch, type BlindSrBatchSpec } from './batch';
import { batchSamples, hrCrop, samplesWhenRead } from './batch-samples';
import { drawCrop } from './crops';
import { kernelSizeFor, lowSize, patchSize } from './config';
import { degradeBatch, sampleDegradation, type DegradationRanges } from './degrade';
import { cutPatches, samplePatches } from './patches';
import { wasmDegradation, wasmDegradationReady } from './degrade-wasm';

const pool = makeTextures(4, 128, 5);
const isotropic: DegradationRanges = {
  kind: 'isotropic',
  sigmaMin: 0.2,
  sigmaMax: 4,
  noiseMax: 25,
};
const stage1: BlindSrBatchSpec = {
  images: 6,
  scale: 2,
  ranges: isotropic,
  pairing: 'degradation',
  patches: 1,
  wholeLow: 'shown',
  shown: 2,
  hrPatches: false,
};
const stride = patchSize * patchSize * 3;

/**
 * The reference: the same draws as a batch (crops, degradations, quadrants, noise) put
 * through the tensor path — 21×21 depthwise blur, bicubic matrices, noise, clamp — on whole
 * images, the patches cut by cropAndResize. → whole LR and the patch batches
 */
function tensorReference(spec: BlindSrBatchSpec, seed: number) {
  const random = new Random(seed);
  const hrSize = lowSize * spec.scale;
  const crops = Array.from({ length: spec.images }, () => drawCrop(pool, hrSize, random).image);
  const paired = spec.pairing === 'degradation';
  const drawn = Array.from({ length: paired ? spec.images / 2 : spec.images }, () =>
    sampleDegradation(spec.ranges, random),
  );
  const degradations = paired ? [...drawn, ...drawn] : drawn;
  const patches = crops.map(() => samplePatches(random));
  return tf.tidy(() => {
    const hr = tf.tensor4d(stackImages(crops), [spec.images, hrSize, hrSize, 3]);
    const low = degradeBatch(hr, degradations, spec.scale, kernelSizeFor(spec.scale), random);
    const cut = cutPatches(low, patches);
    return {
      low: low.dataSync(),
      patches: cut.map((p) => p.dataSync()),
      hrPatch: cutPatches(hr, patches, spec.scale)[0].dataSync(),
    };
  });
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

describe('prepareBlindSrBatch', () => {
  it('crops whole HR images only for kernels that are not separable; HR patches alone; the panels crop theirs when asked', async () => {
    const batch = await prepareBlindSrBatch(stage1, pool, new Random(11));
    expect(batch.hr.every((h) => h === null)).toBe(true);
    const { source, box } = batch.draws[1];
    expect(source).toBe(batch.sources[1]);
    expect(hrCrop(batch, 1)).toEqual(cropResize(pool[source], box, 96).pixels);
    const withPatches = await prepareBlindSrBatch(
      { ...stage1, hrPatches: true },
      pool,
      new Random(11),
    );
    expect(withPatches.hr.every((h) => h === null)).toBe(true);
    expect(withPatches.lowPatches[0]).toEqual(batch.lowPatches[0]);
    // each HR patch: its pixels of the whole crop, to the bit
    const side = patchSize * stage1.scale;
    withPatches.patches.forEach(([corner], i) => {
      const whole = hrCrop(withPatches, i);
      const rows = Array.from({ length: side }, (_, y) => {
        const at = ((corner.y * stage1.scale + y) * 96 + corner.x * stage1.scale) * 3;
        return Array.from(whole.subarray(at, at + side * 3));
      }).flat();
      const count = side * side * 3;
      expect(Array.from(withPatches.hrPatches!.subarray(i * count, (i + 1) * count))).toEqual(rows);
    });
    const reference = tensorReference(stage1, 11);
    expect(maxDifference(batch.lowPatches[0], reference.patches[0])).toBeLessThan(2e-5);
  });

  it("the panels' samples are made once, when first read", async () => {
    const batch = await prepareBlindSrBatch(stage1, pool, new Random(12));
    const samples = samplesWhenRead(batch);
    expect(samples()).toBe(samples());
    expect(samples()[0].hr).toEqual(hrCrop(batch, 0));
    // handed to the page (transferred: detached here), read again they are made anew
    const first = samples();
    const copy = structuredClone(first[0].low);
    structuredClone(first, { transfer: [first[0].low.buffer, first[1].hr.buffer] });
    expect(first[0].low.length).toBe(0);
    const again = samples();
    expect(again === first).toBe(false); // (not toBe: its message would read the detached arrays)
    expect(again[0].low).toEqual(copy);
    expect(again[1].hr).toEqual(hrCrop(batch, 1));
    expect(samples()).toBe(again);
  });

  it('paired, patches only: the quadrants of blur → bicubic ↓ → noise on tensors, same draws', async () => {
    const batch = await prepareBlindSrBatch(stage1, pool, new Random(11));
    const reference = tensorReference(stage1, 11);
    expect(batch.degradations.some((d) => d.noise > 1)).toBe(true);
    expect(maxDifference(batch.lowPatches[0], reference.patches[0])).toBeLessThan(2e-5);
    // whole LR only for the shown samples and their partners (images 0, 1 and 3, 4)
    expect(batch.low.map((l) => l !== null)).toEqual([true, true, false, true, true, false]);
    const whole = lowSize * lowSize * 3;
    expect(maxDifference(batch.low[4]!, reference.low.subarray(4 * whole, 5 * whole))).toBeLessThan(
      2e-5,
    );
    // images i and i + 3 share a degradation
    expect(batch.degradations[4]).toBe(batch.degradations[1]);
  });

  it('two quadrants per image, every LR whole, HR patches: the tensor path again', async () => {
    const spec: BlindSrBatchSpec = {
      ...stage1,
      images: 3,
      pairing: 'image',
      patches: 2,
      wholeLow: 'all',
      hrPatches: true,
    };
    const batch = await prepareBlindSrBatch(spec, pool, new Random(5));
    const reference = tensorReference(spec, 5);
    batch.lowPatches.forEach((p, k) =>
      expect(maxDifference(p, reference.patches[k])).toBeLessThan(2e-5),
    );
    // exact copies here; cropAndResize interpolates at the pixel centres (≤ 1 ulp off)
    expect(maxDifference(batch.hrPatches!, reference.hrPatch)).toBeLessThan(1e-6);
  });

  it('rotated anisotropic kernels (not separable) blur on tfjs, with the same noise draws', async () => {
    const spec: BlindSrBatchSpec = {
      ...stage1,
      images: 2,
      ranges: { ...isotropic, kind: 'anisotropic' },
    };
    const batch = await prepareBlindSrBatch(spec, pool, new Random(8));
    expect(batch.degradations[0].theta).not.toBe(0);
    const reference = tensorReference(spec, 8);
    expect(maxDifference(batch.lowPatches[0], reference.patches[0])).toBeLessThan(2e-5);
  });

  it('a patch computed alone is the same patch of the whole image, bit for bit, and draws alike', async () => {
    const alone = new Random(21);
    const whole = new Random(21);
    const a = await prepareBlindSrBatch(stage1, pool, alone);
    const b = await prepareBlindSrBatch({ ...stage1, wholeLow: 'all' }, pool, whole);
    expect(a.lowPatches[0]).toEqual(b.lowPatches[0]);
    expect(alone.next()).toBe(whole.next());
  });

  it('the same seed gives the same batch', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() => prepareBlindSrBatch(stage1, pool, new Random(4))),
    );
    expect(a.hr).toEqual(b.hr);
    expect(a.lowPatches).toEqual(b.lowPatches);
    expect(a.degradations).toEqual(b.degradations);
  });

  it("samples: the query quadrant of image i, its key the partner's first quadrant", async () => {
    const batch = await prepareBlindSrBatch(stage1, pool, new Random(2));
    const samples = batchSamples(batch);
    expect(samples).toHaveLength(2);
    const [first] = samples;
    expect(first.patches).toEqual([batch.patches[0][0], batch.patches[3][0]]);
    expect(first.partnerLow).toEqual(batch.low[3]);
    expect(first.hr).toEqual(hrCrop(batch, 0));
    // the key patch the step trains on is the partner's LR quadrant
    const { x, y } = batch.patches[3][0];
    expect(batch.lowPatches[0][3 * stride]).toBe(first.partnerLow![(y * lowSize + x) * 3]);
  });

  it('the wasm SIMD kernel and the JS loops agree (f32 against f64 sums)', async () => {
    expect(wasmDegradationReady()).toBe(true);
    const spec: BlindSrBatchSpec = { ...stage1, wholeLow: 'all', hrPatches: true };
    const simd = await prepareBlindSrBatch(spec, pool, new Random(6));
    wasmDegradation.enabled = false;
    const plain = await prepareBlindSrBatch(spec, pool, new Random(6)).finally(
      () => (wasmDegradation.enabled = true),
    );
    expect(maxDifference(simd.lowPatches[0], plain.lowPatches[0])).toBeLessThan(1e-6);
    expect(maxDifference(simd.low[5]!, plain.low[5]!)).toBeLessThan(1e-6);
  });
});
