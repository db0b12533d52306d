// Not a test: min-of-N timings of single kernels at the default models' shapes (wasm,
// 1 thread), in GFLOP/s — XNNPACK's forward conv against our direct forward conv
// (src/core/nn/conv.ts forwardConv) and our filter-gradient kernel — and each of ours as a
// share of the core's 128-bit SIMD ceiling (bench/peak.mjs, measured first).
// Usage: npx vitest run --config bench/vitest.config.ts bench/micro.wasm.ts
import * as tf from '@tensorflow/tfjs-core';
import { it } from 'vitest';
import { conv2d, convInputGradient, forwardConv } from '../src/core/nn/conv';
import { filterGradientKernel } from '../src/core/nn/simd-ops';
import { setWinogradEnabled, simdKernelBuild } from '../src/core/nn/simd-kernels';
import { winogradFits } from '../src/core/nn/simd-ops';
import { simdPeak } from './peak.mjs';

function best(f: () => tf.Tensor, n = 30): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const out = f();
    min = Math.min(min, performance.now() - start);
    out.dispose();
  }
  return min;
}

const shapes: [number, number, number, number, number, number][] = [
  // batch, size, ci, co, k, stride
  [16, 24, 16, 16, 3, 1],
  [16, 12, 32, 32, 3, 1],
  [16, 24, 16, 32, 3, 2],
  [8, 24, 24, 24, 3, 1],
  [8, 24, 24, 12, 3, 1],
  [8, 48, 16, 16, 3, 1],
  [32, 16, 3, 16, 3, 1],
  [32, 16, 16, 32, 3, 2],
  [32, 8, 32, 64, 3, 2],
  [32, 4, 64, 64, 3, 2],
  [16, 6, 64, 64, 3, 1],
];

it('micro', async () => {
  // the ceiling of the build our kernels run (relaxed SIMD's fused multiply-add, or not)
  const peaks = (await simdPeak()) as { plain: number; fma: number | null };
  const build = simdKernelBuild();
  const ceiling = build === 'fma' && peaks.fma ? peaks.fma : peaks.plain;
  console.log(
    `MICRO 128-bit SIMD ceiling, one core: ${peaks.plain.toFixed(1)} GF/s (multiply + add), ${peaks.fma?.toFixed(1) ?? '—'} GF/s (fused); our kernels run the ${build} build`,
  );
  for (const [b, s, ci, co, k, stride] of shapes) {
    const x = tf.randomNormal([b, s, s, ci]) as tf.Tensor4D;
    const w = tf.randomNormal([k, k, ci, co]) as tf.Tensor4D;
    const y = tf.conv2d(x, w, stride, 'same') as tf.Tensor4D;
    const flops = 2 * y.size * k * k * ci;
    const fwd = best(() => tf.conv2d(x, w, stride, 'same'));
    setWinogradEnabled(false);
    const direct = best(() => forwardConv(x, w, stride, 'same'));
    setWinogradEnabled(true);
    const winograd = winogradFits(b, y.shape[1], y.shape[2], w.shape, stride)
      ? best(() => forwardConv(x, w, stride, 'same'))
      : null;
    const fgrad = best(() =>
      filterGradientKernel(x, y, k, k, stride, stride === 1 ? 1 : 0, stride === 1 ? 1 : 0),
    );
    const fgradWinograd =
      winograd === null ? null : best(() => filterGradientKernel(x, y, k, k, 1, 1, 1, true));
    const both = best(() =>
      tf.tidy(
        () => tf.grads((a: tf.Tensor) => conv2d(a as tf.Tensor4D, w, stride, 'same').sum())([x])[0],
      ),
    );
    const inputGrad = best(() => convInputGradient(y, w, x.shape, stride, 'same'));
    const fresh = best(() => tf.tidy(() => tf.conv2d(x, w.add(0) as tf.Tensor4D, stride, 'same')));
    const pad = best(() =>
      y.pad([
        [0, 0],
        [1, 1],
        [1, 1],
        [0, 0],
      ]),
    );
    const g = (ms: number) => `${ms.toFixed(2)} ms (${(flops / ms / 1e6).toFixed(1)} GF/s)`;
    const share = (ms: number) => `${Math.round((100 * flops) / ms / 1e6 / ceiling)} %`;
    console.log(
      `MICRO [${b},${s},${s},${ci}]→${co} k${k} s${stride}: forward ${g(fwd)}, ours ${g(direct)} = ${share(direct)} of the ceiling, ${winograd === null ? 'no Winograd' : `Winograd ${winograd.toFixed(2)} ms (${(direct / winograd).toFixed(2)}× direct)`}, filter grad ${g(fgrad)} = ${share(fgrad)}${fgradWinograd === null ? '' : `, Winograd ${fgradWinograd.toFixed(2)} ms (${(fgrad / fgradWinograd).toFixed(2)}×)`}, grads ${both.toFixed(2)} ms, input grad ${inputGrad.toFixed(2)}, fwd fresh filter ${fresh.toFixed(2)}, pad ${pad.toFixed(2)}`,
    );
    tf.dispose([x, w, y]);
  }
});
