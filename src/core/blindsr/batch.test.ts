import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { cropResize, cropResizeInto, sampleBilinear, makeImage, stackImages } from '../image';
import { Random } from '../random';
import {
  batchSamples,
  cropHr,
  hrCrop,
  samplesWhenRead,
  drawCrop,
  prepareBlindSrBatch,
  type BlindSrBatchSpec,
} from './batch';
import { kernelSizeFor, lowSize, patchSize } from './config';
import {
  degradeBatch,
  sampleDegradation,
  type Degradation,
  type DegradationRanges,
} from './degrade';
import { cutPatches, samplePatches } from './patches';
import { wasmDegradation, wasmDegradationReady } from './degrade-wasm';
import { cropHrWasm, degradeFromPool } from './pool-wasm';
import {
  axisWeightsFor,
  blurResizeRegion,
  cropAxis,
  degradeFromPoolJs,
  separableFactorsFor,
  throughCrop,
} from './degrade-separable';

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

describe('cropResize', () => {
  it('is sampleBilinear at every output pixel, to the last bit (crops, upsampling, clamped borders)', () => {
    const random = new Random(3);
    const image = pool[0];
    const boxes = [
      { x: 0.25, y: 0.1, width: 0.75, height: 0.75 },
      { x: random.next() * 0.5, y: random.next() * 0.5, width: 0.5, height: 0.5 },
      { x: 0.9, y: 0.95, width: 0.3, height: 0.2 },
    ];
    for (const [box, outSize] of [
      [boxes[0], 96],
      [boxes[1], 96],
      [boxes[2], 40],
    ] as const) {
      const fast = cropResize(image, box, outSize);
      const slow = makeImage(outSize);
      const scaleX = (box.width * image.size) / outSize;
      const scaleY = (box.height * image.size) / outSize;
      for (let oy = 0; oy < outSize; oy++)
        for (let ox = 0; ox < outSize; ox++)
          sampleBilinear(
            image,
            box.x * image.size + (ox + 0.5) * scaleX - 0.5,
            box.y * image.size + (oy + 0.5) * scaleY - 0.5,
            slow.pixels,
            (oy * outSize + ox) * 3,
          );
      expect(fast.pixels).toEqual(slow.pixels);
    }
  });
});

describe('throughCrop', () => {
  it('the weights through a crop give its LR pixels from the pool image (1:1, shrinking, enlarging, clamped)', () => {
    const hrSize = 96;
    // axis-aligned anisotropic: separable, rows and columns differ
    const anisotropic: Degradation = {
      kind: 'anisotropic',
      sigma: Math.sqrt(2.5 * 1.2),
      lambda1: 2.5,
      lambda2: 1.2,
      theta: 0,
      noise: 0,
    };
    const [weights] = axisWeightsFor([anisotropic], hrSize, lowSize, kernelSizeFor(2));
    const [blur] = separableFactorsFor([anisotropic], hrSize, kernelSizeFor(2));
    const image = pool[1];
    const boxes = [
      { x: 0.213, y: 0.377, width: 0.75, height: 0.75 }, // one source pixel per HR pixel
      { x: 0.05, y: 0.1, width: 0.9, height: 0.9 }, // shrinking
      { x: 0.3, y: 0.2, width: 0.4, height: 0.4 }, // enlarging
      { x: 0.8, y: 0.85, width: 0.3, height: 0.3 }, // past the border: clamped samples
    ];
    const region = { top: 3, left: 20, height: 24, width: 24 };
    for (const box of boxes) {
      const crop = new Float32Array(hrSize * hrSize * 3);
      cropResizeInto(image, box, hrSize, crop, 0);
      const viaCrop = new Float32Array(24 * 24 * 3);
      blurResizeRegion(crop, 0, hrSize, weights!.rows, weights!.columns, region, viaCrop, 0);
      const rows = throughCrop(
        weights!.rows,
        cropAxis(box.y, box.height, image.size, hrSize),
        image.size,
        3,
        27,
      );
      const columns = throughCrop(
        weights!.columns,
        cropAxis(box.x, box.width, image.size, hrSize),
        image.size,
        20,
        44,
      );
      // LR rows outside [from, to) have no entries
      expect(rows.start[3]).toBe(0);
      expect(rows.start[48]).toBe(rows.start[27]);
      const direct = new Float32Array(24 * 24 * 3);
      blurResizeRegion(image.pixels, 0, image.size, rows, columns, region, direct, 0);
      expect(maxDifference(direct, viaCrop)).toBeLessThan(1e-6);
      // the same weights built in wasm (assembly/weights.ts), the f32 SIMD kernel on them
      const simd = new Float32Array(24 * 24 * 3);
      const job = {
        draw: { source: 1, box },
        blur: blur!,
        regions: [region],
        outs: [{ data: simd, offset: 0 }],
      };
      expect(degradeFromPool(pool, hrSize, lowSize, [job])).toBe(true);
      expect(maxDifference(simd, viaCrop)).toBeLessThan(1e-6);
      const js = new Float32Array(24 * 24 * 3);
      degradeFromPoolJs(pool, hrSize, lowSize, [{ ...job, outs: [{ data: js, offset: 0 }] }]);
      expect(js).toEqual(direct);
    }
  });
});

describe('prepareBlindSrBatch', () => {
  it('crops HR only where a step reads it (HR patches, kernels that are not separable); the panels crop theirs when asked', async () => {
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
    expect(withPatches.hr.every((h) => h !== null)).toBe(true);
    expect(withPatches.lowPatches[0]).toEqual(batch.lowPatches[0]);
    const reference = tensorReference(stage1, 11);
    expect(maxDifference(batch.lowPatches[0], reference.patches[0])).toBeLessThan(2e-5);
  });

  it("the panels' samples are made once, when first read", async () => {
    const batch = await prepareBlindSrBatch(stage1, pool, new Random(12));
    const samples = samplesWhenRead(batch);
    expect(samples()).toBe(samples());
    expect(samples()[0].hr).toEqual(hrCrop(batch, 0));
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

  it('the wasm crops are the JS crops to the last bit, and cropHr draws the same either way', () => {
    expect(wasmDegradationReady()).toBe(true);
    const random = new Random(8);
    const boxes = [
      // the batch's: one source pixel per output pixel at a sub-pixel offset
      ...Array.from({ length: 6 }, () => {
        const side = 48 / 128;
        return { x: random.uniform(0, 1 - side), y: random.uniform(0, 1 - side), side, out: 48 };
      }),
      // shrinking, enlarging, and a box at the border (clamped samples)
      { x: 0.1, y: 0.2, side: 0.7, out: 33 },
      { x: 0.3, y: 0.05, side: 0.2, out: 50 },
      { x: 0.9, y: 0.9, side: 0.1, out: 7 },
    ];
    boxes.forEach(({ x, y, side, out }, i) => {
      const source = i % pool.length;
      const box = { x, y, width: side, height: side };
      const js = new Float32Array(out * out * 3);
      cropResizeInto(pool[source], box, out, js, 0);
      const wasm = cropHrWasm(pool, [{ source, box }], out);
      expect(wasm && Array.from(wasm)).toEqual(Array.from(js));
    });
    const withWasm = cropHr(pool, 5, 48, new Random(3));
    wasmDegradation.enabled = false;
    try {
      const withJs = cropHr(pool, 5, 48, new Random(3));
      expect(withWasm.sources).toEqual(withJs.sources);
      expect(Array.from(withWasm.pixels)).toEqual(Array.from(withJs.pixels));
    } finally {
      wasmDegradation.enabled = true;
    }
  });
});
