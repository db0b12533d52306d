// What the machine under a benchmark is like, printed beside its figures: two VMs of the same
// CPU model here differed 5× in what a fresh page of memory costs (2.5 against ~12 µs),
// and the page load → first step with them (0.66 against 1.3–1.4 s, the same build).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { simdPeak } from './peak.mjs';

/** µs to first touch one 4 KiB page of fresh memory (a new 256 MiB buffer, page by page) */
export function pageFaultMicroseconds() {
  const bytes = 256 << 20;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const view = new Uint8Array(new ArrayBuffer(bytes));
    for (let i = 0; i < bytes; i += 4096) view[i] = 1;
    best = Math.min(best, performance.now() - start);
  }
  return (best * 1000) / (bytes / 4096);
}

/** One line: CPU, cores, load, a fresh page's cost, the 128-bit SIMD ceiling of one core. */
export async function machineLine() {
  const peaks = await simdPeak();
  const fused = peaks.fma === null ? '' : `, ${peaks.fma.toFixed(0)} fused`;
  return (
    `machine: ${cpus()[0]?.model ?? 'CPU'} × ${cpus().length}, load ${loadavg()[0].toFixed(1)}; ` +
    `fresh memory ${pageFaultMicroseconds().toFixed(1)} µs/page; ` +
    `128-bit SIMD ceiling of one core ${peaks.plain.toFixed(0)} GFLOP/s (multiply + add${fused})`
  );
}

/** The line, from a node that has relaxed SIMD (node 20 needs the flag; Chrome has it). */
export function machineLineWithRelaxedSimd() {
  try {
    return execFileSync(
      process.execPath,
      ['--experimental-wasm-relaxed-simd', fileURLToPath(import.meta.url)],
      { encoding: 'utf8' },
    ).trim();
  } catch (error) {
    return `machine: not measured (${String(error?.message ?? error).slice(0, 100)})`;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await machineLine());
