import { blurKernelSize, type BlindSrConfig } from '../core/blindsr/config';
import type { RgbImage } from '../core/image';
import { packImages } from './pack';
import { assembleScript, blindsrModules, lightbsrModules, settingsModuleOf } from './python-source';

/**
 * "Take it further" for the Blind-SR lab: the current configuration as one self-contained
 * PyTorch script (torch + numpy, CPU or CUDA) that trains stage 1 (the degradation
 * encoder, MoCo queue, weighted InfoNCE) and then stage 2 (the three upsamplers), and
 * prints the page's metrics: loss, |ρ| = |Spearman(σ, PC1 of h)|, PSNR of bicubic, the
 * upsampler without the representation, with it, and with the true degradation.
 * With pipeline 'lightbsr' the script trains LightBSR's three stages instead
 * (python/blindsr_lightbsr.py): the teacher with the kernel-PCA prior map, the distilled
 * student beside a contrast-only control, then SR on each student.
 *
 * The Python is src/export/python/blindsr_*.py and playground.py (see python-source.ts).
 * The procedural textures are regenerated from the seed (src/data/textures.ts ported with
 * the same sfc32 stream); photos and uploads travel inside the script as uint8 pixels.
 * Training draws from numpy's generator seeded by the config's seed: the same
 * distributions as the page, not the same draws.
 */
export type BlindSrPool =
  | { kind: 'textures'; seed: number; size: number; count: number }
  | { kind: 'embedded'; source: string; images: RgbImage[] };

export interface BlindSrExportOptions {
  /** default of --steps (each stage) */
  steps?: number;
  evaluateEvery?: number;
}

function poolBlock(pool: BlindSrPool): Record<string, unknown> {
  if (pool.kind === 'textures') return pool;
  return {
    kind: 'embedded',
    source: pool.source,
    size: pool.images[0]?.size ?? 0,
    count: pool.images.length,
    images: packImages(pool.images),
  };
}

const dasrAbout = [
  'Contrastive Playground — the Blind-SR lab exported: stage 1 then stage 2.',
  '',
  'Self-contained: needs only torch (and numpy). Stage 1 trains the degradation encoder',
  '(momentum key encoder, a queue of K keys, InfoNCE with the degradation-prior weights);',
  'stage 2 trains three upsamplers on the frozen encoder: conditioned on its representation,',
  'on nothing, and on the true degradation. Prints loss, |rho| = |Spearman(sigma, PC1 of h)|',
  'and PSNR, as the page does. Runs on CUDA when available.',
];

const lightbsrAbout = [
  'Contrastive Playground — the Blind-SR lab exported: the LightBSR pipeline, stages 1 to 3.',
  '',
  'Self-contained: needs only torch (and numpy). Stage 1 trains the teacher on the LR patch',
  "and the blur kernel's PCA code (MoCo queue, InfoNCE); stage 2 distils a light student from",
  'the frozen teacher (KL of the softmax at tau 0.15 + 0.1 L1 + feature-map MSE) beside a',
  'control trained by the contrast alone; stage 3 trains the upsamplers on each student.',
  'Prints |rho| = |Spearman(sigma, PC1 of h)| of teacher and students, and PSNR, as the page',
  'does. Runs on CUDA when available.',
];

export function blindsrPytorchFileName(config: BlindSrConfig): string {
  const pipeline = config.pipeline === 'lightbsr' ? '-lightbsr' : '';
  return `blindsr${pipeline}-x${config.scale}-seed${config.seed}.py`;
}

export function blindsrPytorchScript(
  config: BlindSrConfig,
  pool: BlindSrPool,
  options: BlindSrExportOptions = {},
): string {
  const json = (value: unknown) => JSON.stringify(value);
  const lightbsr = config.pipeline === 'lightbsr';
  return assembleScript(
    lightbsr ? lightbsrAbout : dasrAbout,
    [
      `CONFIG = json.loads(r'''${json(config)}''')`,
      `POOL = json.loads(r'''${json(poolBlock(pool))}''')`,
      `KERNEL_SIZE = ${blurKernelSize}`,
      `DEFAULT_STEPS = ${options.steps ?? 300}`,
      `EVALUATE_EVERY = ${options.evaluateEvery ?? 50}`,
    ],
    lightbsr ? lightbsrModules : blindsrModules,
    settingsModuleOf.blindsr,
  );
}
