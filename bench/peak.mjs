// The 128-bit wasm SIMD ceiling on one core (bench/peak/peak.ts, built here with
// AssemblyScript): GFLOP/s of multiply-adds with no memory traffic, as the plain build
// (a multiply and an add) and the relaxed-SIMD build (one fused multiply-add) run them.
// The convolutions of bench/micro.wasm.ts are read against it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = join(dirname(fileURLToPath(import.meta.url)), 'peak/peak.ts');

async function build(relaxed) {
  const { default: asc } = await import('assemblyscript/asc');
  let binary = null;
  const features = ['--enable', 'simd', ...(relaxed ? ['--enable', 'relaxed-simd'] : [])];
  const { error, stderr } = await asc.main(
    [
      source,
      '-O3',
      '--runtime',
      'stub',
      '--noAssert',
      '--use',
      'abort=',
      ...features,
      '--outFile',
      'peak.wasm',
    ],
    {
      writeFile(name, contents) {
        if (name.endsWith('.wasm')) binary = contents;
      },
    },
  );
  if (error) throw new Error(`assemblyscript: ${error.message}\n${stderr.toString()}`);
  return binary;
}

/** → { plain, fma } GFLOP/s (fma: null where the engine lacks relaxed SIMD) */
export async function simdPeak() {
  const out = {};
  for (const [name, relaxed] of [
    ['plain', false],
    ['fma', true],
  ]) {
    const bytes = await build(relaxed);
    if (!WebAssembly.validate(bytes)) {
      out[name] = null;
      continue;
    }
    const { peak } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    const iterations = 2_000_000;
    // V8 tiers a hot function up in the background (a busy machine delays that): the best
    // of many calls over a second is the optimised code's
    let best = Infinity;
    for (const until = performance.now() + 1000; performance.now() < until;) {
      const start = performance.now();
      peak(iterations);
      best = Math.min(best, performance.now() - start);
    }
    out[name] = (iterations * 96) / (best * 1e6);
  }
  return out;
}
