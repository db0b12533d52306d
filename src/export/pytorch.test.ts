import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSimclrConfig, simclrMethods, type SimclrConfig } from '../core/simclr/config';
import { sourceSize } from '../data/recipes';
import { makeShapesDataset, shapeGenerator } from '../data/shapes';
import { pytorchScript, type ExportData } from './pytorch';
import { blindsrPytorchFileName, blindsrPytorchScript, type BlindSrPool } from './blindsr-pytorch';
import { distillationTemperature, distillationWeights } from '../core/blindsr/distill';
import { priorDims } from '../core/blindsr/kernel-prior';
import { studentLearningRate } from '../core/blindsr/lightbsr';
import { studentEncoderConfig } from '../core/blindsr/lightbsr-models';
import { defaultBlindSrConfig, type BlindSrConfig } from '../core/blindsr/config';
import { makeTextures } from '../data/textures';

/**
 * The exported script, run for real where `import torch` works (Debian's python3-torch at
 * /usr/bin/python3 here); otherwise the run is skipped with a message. The text checks
 * always run.
 */
const python = process.env.PYTHON ?? '/usr/bin/python3';
const torchAvailable =
  spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' }).status === 0;
if (!torchAvailable)
  console.warn(`skipping the PyTorch runs: "${python} -c 'import torch, numpy'" failed`);

const shapes: ExportData = { kind: 'shapes', seed: 1, size: sourceSize };
const small: SimclrConfig = { ...defaultSimclrConfig, batchSize: 8, imageSize: 16 };
const directory = mkdtempSync(join(tmpdir(), 'pytorch-export-'));

function runScript(script: string, name: string, args: string[]) {
  const path = join(directory, name);
  writeFileSync(path, script);
  const result = spawnSync(python, [path, '--threads', '1', '--device', 'cpu', ...args], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { ...result, output: `${result.stdout}${result.stderr}` };
}

describe('PyTorch export', () => {
  it('writes every number from the config and the generator constants', () => {
    const script = pytorchScript({ ...small, method: 'moco', queueSize: 512 }, shapes);
    expect(script).toContain('"method":"moco"');
    expect(script).toContain('"queueSize":512');
    expect(script).toContain(`"learningRate":${small.learningRate}`);
    expect(script).toContain(`"perClass":${shapeGenerator.perClass}`);
    expect(script).toContain('eps=1e-7');
    expect(script).not.toContain('torchvision');
  });

  it.skipIf(!torchAvailable)('the shapes port regenerates the page’s data exactly', () => {
    const { status, output } = runScript(pytorchScript(small, shapes), 'data.py', ['--check-data']);
    expect(status, output).toBe(0);
    const data = makeShapesDataset(1, sourceSize);
    const sum = (images: { pixels: Float32Array }[]) =>
      images.reduce((total, image) => image.pixels.reduce((a, b) => a + b, total), 0);
    const [, count, train, held] = output.match(/DATA (\d+) ([\d.]+) ([\d.]+)/) ?? [];
    expect(Number(count)).toBe(data.images.length);
    expect(Number(train)).toBeCloseTo(sum(data.images), 1);
    expect(Number(held)).toBeCloseTo(sum(data.heldOut!.images), 1);
  });

  it.skipIf(!torchAvailable).each(simclrMethods)(
    '%s: runs 5 steps, prints finite losses, top-1 and kNN',
    (method) => {
      const { status, output } = runScript(
        pytorchScript({ ...small, method, queueSize: 64 }, shapes),
        `${method}.py`,
        ['--steps', '5', '--log-every', '1', '--eval-every', '5'],
      );
      expect(status, output).toBe(0);
      const losses = [...output.matchAll(/^step \d+ loss (\S+) top1 (\S+)/gm)];
      expect(losses).toHaveLength(5);
      for (const [, loss, top1] of losses) {
        expect(Number.isFinite(Number(loss)), output).toBe(true);
        expect(Number(top1)).toBeGreaterThanOrEqual(0);
      }
      const result = JSON.parse(output.match(/^RESULT (.*)$/m)![1]) as Record<string, number>;
      expect(result.knn).toBeGreaterThan(0);
      expect(result.knn).toBeLessThanOrEqual(1);
      expect(result.knn_initial).toBeGreaterThan(0);
    },
  );

  it.skipIf(!torchAvailable)('embedded photos or uploads travel inside the script', () => {
    const data = makeShapesDataset(2, 24, 4, 2);
    const script = pytorchScript(small, { kind: 'embedded', dataset: { ...data, id: 'uploads' } });
    const { status, output } = runScript(script, 'embedded.py', ['--steps', '2']);
    expect(status, output).toBe(0);
    expect(output).toMatch(/RESULT .*"knn": [\d.]+/);
  });
});

const textures: BlindSrPool = { kind: 'textures', seed: 1, size: 192, count: 12 };
const smallBlindSr: BlindSrConfig = { ...defaultBlindSrConfig, batchSize: 4, queueSize: 128 };

const finite = (text: string | undefined) => Number.isFinite(Number(text));

describe('Blind-SR PyTorch export', () => {
  it('writes the configuration, the pool and no torchvision', () => {
    const script = blindsrPytorchScript({ ...smallBlindSr, scale: 4, weighting: false }, textures);
    expect(script).toContain('"scale":4');
    expect(script).toContain('"weighting":false');
    expect(script).toContain(`"queueSize":${smallBlindSr.queueSize}`);
    expect(script).toContain('"kind":"textures"');
    expect(script).toContain('eps=1e-7');
    expect(script).not.toContain('torchvision');
  });

  it.skipIf(!torchAvailable)('the textures port regenerates the page’s HR pool', () => {
    const script = blindsrPytorchScript(smallBlindSr, textures);
    const { status, output } = runScript(script, 'pool.py', ['--check-data']);
    expect(status, output).toBe(0);
    const pool = makeTextures(1, 192, 12);
    const sum = pool.reduce((total, image) => image.pixels.reduce((a, b) => a + b, total), 0);
    const [, count, pixels] = output.match(/POOL (\d+) ([\d.]+)/) ?? [];
    expect(Number(count)).toBe(12);
    expect(Number(pixels)).toBeCloseTo(sum, 0);
  });

  it.skipIf(!torchAvailable)(
    'trains stage 1 and stage 2 for 3 steps each: finite losses, |ρ| and four PSNRs',
    () => {
      const { status, output } = runScript(
        blindsrPytorchScript(smallBlindSr, textures),
        'blindsr.py',
        ['--steps', '3', '--log-every', '1', '--eval-every', '3'],
      );
      expect(status, output).toBe(0);
      const stage1 = [...output.matchAll(/^stage 1 step \d+ loss (\S+) rho (\S+)/gm)];
      expect(stage1, output).toHaveLength(3);
      for (const [, loss, rho] of stage1) {
        expect(finite(loss), output).toBe(true);
        expect(Number(rho)).toBeGreaterThanOrEqual(0);
        expect(Number(rho)).toBeLessThanOrEqual(1);
      }
      const stage2 = [...output.matchAll(/^stage 2 step [1-9]\d* loss (\S+)/gm)];
      expect(stage2, output).toHaveLength(3);
      for (const [, loss] of stage2) expect(finite(loss), output).toBe(true);
      const result = JSON.parse(output.match(/^RESULT (.*)$/m)![1]) as Record<string, number>;
      for (const key of ['psnr_bicubic', 'psnr_without', 'psnr_learned', 'psnr_oracle'])
        expect(result[key], key).toBeGreaterThan(10);
      // untrained, every upsampler is the bicubic up-sampling (zero tail, zero sharpening)
      const start = output.match(
        /^stage 2 step 0 .*psnr bicubic (\S+) without (\S+) learned (\S+) oracle (\S+)/m,
      );
      expect(start, output).not.toBeNull();
      const [bicubic, ...upsamplers] = start!.slice(1).map(Number);
      for (const value of upsamplers) expect(value).toBeCloseTo(bicubic, 2);
    },
  );

  it.skipIf(!torchAvailable)('embedded HR images travel inside the script', () => {
    const images = makeTextures(3, 96, 2);
    const script = blindsrPytorchScript(
      { ...smallBlindSr, pairing: 'image', blurKind: 'anisotropic', noiseMax: 5 },
      { kind: 'embedded', source: 'uploads', images },
    );
    const { status, output } = runScript(script, 'embedded.py', ['--steps', '2']);
    expect(status, output).toBe(0);
    expect(output).toMatch(/RESULT .*"psnr_learned": [\d.]+/);
  });
});

describe('Blind-SR PyTorch export, LightBSR pipeline', () => {
  const lightbsr: BlindSrConfig = { ...smallBlindSr, pipeline: 'lightbsr' };

  it('writes the LightBSR parts, with the constants of the page’s pipeline', () => {
    const script = blindsrPytorchScript(lightbsr, textures);
    expect(script).toContain('"pipeline":"lightbsr"');
    expect(blindsrPytorchFileName(lightbsr)).toBe('blindsr-lightbsr-x2-seed1.py');
    for (const part of [
      'class KernelPrior',
      'def distillation_terms',
      'class Contrast',
      'def stage2',
    ])
      expect(script).toContain(part);
    expect(script).not.toContain('def contrast_step'); // the DASR main is left out
    expect(script).toContain(`PRIOR_DIMS = ${priorDims}\n`);
    expect(script).toContain(`STUDENT_LEARNING_RATE = ${studentLearningRate}\n`);
    expect(script).toContain(`DISTILL_TEMPERATURE = ${distillationTemperature}\n`);
    const { kl, l1, mse } = distillationWeights;
    expect(script).toContain(`DISTILL_WEIGHTS = {"kl": ${kl}, "l1": ${l1}, "mse": ${mse}}`);
    expect(script).toContain(
      `STUDENT_CHANNELS, STUDENT_STRIDES = (${studentEncoderConfig.channels.join(', ')}), (${studentEncoderConfig.strides.join(', ')})`,
    );
    expect(blindsrPytorchScript(smallBlindSr, textures)).not.toContain('class KernelPrior');
  });

  it.skipIf(!torchAvailable)(
    'trains teacher, student and SR for 5 steps each: finite losses, three |ρ| and the PSNRs',
    () => {
      const { status, output } = runScript(
        blindsrPytorchScript(lightbsr, textures),
        'lightbsr.py',
        ['--steps', '5', '--log-every', '1', '--eval-every', '5'],
      );
      expect(status, output).toBe(0);
      const stage1 = [...output.matchAll(/^stage 1 step [1-9]\d* loss (\S+) rho_teacher (\S+)/gm)];
      expect(stage1, output).toHaveLength(5);
      const stage2 = [
        ...output.matchAll(
          /^stage 2 step [1-9]\d* distill (\S+) kl (\S+) l1 (\S+) mse (\S+) contrast (\S+) rho_student (\S+) rho_contrast (\S+)/gm,
        ),
      ];
      expect(stage2, output).toHaveLength(5);
      for (const values of [...stage1, ...stage2])
        for (const value of values.slice(1)) expect(finite(value), output).toBe(true);
      const sr = [...output.matchAll(/^stage 3 student step [1-9]\d* loss (\S+)/gm)];
      expect(sr, output).toHaveLength(5);
      expect(output).toMatch(/^stage 3 contrast-only student step 5 loss/m);
      const result = JSON.parse(output.match(/^RESULT (.*)$/m)![1]) as Record<string, number>;
      for (const key of ['rho_teacher', 'rho_student', 'rho_contrast']) {
        expect(result[key], key).toBeGreaterThanOrEqual(0);
        expect(result[key], key).toBeLessThanOrEqual(1);
      }
      for (const key of [
        'psnr_bicubic',
        'psnr_without',
        'psnr_student',
        'psnr_contrast',
        'psnr_oracle',
      ])
        expect(result[key], key).toBeGreaterThan(10);
      expect(result.kl).toBeGreaterThanOrEqual(0);
      expect(output).toMatch(/^teacher \|rho\| [\d.]+ {2}student \|rho\| [\d.]+/m);
    },
  );
});
