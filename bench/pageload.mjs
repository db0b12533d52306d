// Page load → first step, A/B: builds served side by side, loads interleaved (A, B, A, B…)
// in fresh browsers, so both see the same machine. Prints each build's median and its
// critical path (bench/startup-timeline.mjs) and the load average.
// Usage: node bench/pageload.mjs [--dist dist,dist-before] [--loads 7] [--query backend=wasm]
//   [--settle 2000 | --settle 0,2000]
// (build a variant with `npx vite build --outDir dist-before` first; ports from BENCH_PORT up)
// --settle: ms between the fresh browser's launch and the navigation. A browser just launched
// is still starting itself (its own UI renderer, ~0.5 s of CPU on this machine's 2 cores)
// while the page loads; a student's browser is running already. Several values run each
// build with each, interleaved.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { machineLineWithRelaxedSimd } from './machine.mjs';
import { measurePageLoad, pageLoadSummary, timelineLines } from './startup-timeline.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dists = option('dist', 'dist').split(',');
const loads = Number(option('loads', '7'));
const query = option('query', 'backend=wasm');
const settles = option('settle', '2000').split(',').map(Number);
const firstPort = Number(process.env.BENCH_PORT ?? 4180);

const servers = dists.map((dist, i) => {
  const port = firstPort - i;
  const server = spawn(
    'node',
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--port', String(port)].concat([
      '--strictPort',
      '--host',
      '127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  return { dist, port, server };
});
const variants = servers.flatMap(({ dist, port }) =>
  settles.map((settleMs) => ({
    name: settles.length > 1 ? `${dist} (settle ${settleMs} ms)` : dist,
    port,
    settleMs,
    loads: [],
  })),
);
try {
  for (const { port } of servers)
    for (let tries = 0; ; tries++) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        break;
      } catch (error) {
        if (tries > 120) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  const loadBefore = loadavg()[0];
  const machine = machineLineWithRelaxedSimd();
  for (let i = 0; i < loads; i++)
    for (const variant of variants) {
      const url = `http://127.0.0.1:${variant.port}/?${query}`;
      try {
        variant.loads.push(await measurePageLoad(url, { settleMs: variant.settleMs }));
      } catch (error) {
        console.log(
          `${variant.name} load ${i + 1}: ${String(error?.message ?? error).slice(0, 200)}`,
        );
      }
    }
  const loadAfter = loadavg()[0];
  for (const { name: dist, loads: done } of variants) {
    const summary = pageLoadSummary(done);
    if (!summary) continue;
    console.log(
      `\n${dist}: page load → first step median ${Math.round(summary.medianFirstStepMs)} ms (${summary.firstStepMs.join(', ')}), Play enabled ${Math.round(summary.medianReadyMs)} ms; critical path (medians):`,
    );
    for (const line of timelineLines(summary.criticalPath, summary.loads)) console.log(`  ${line}`);
  }
  console.log(
    `\nload average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (${cpus().length} cores)`,
  );
  console.log(machine);
} finally {
  for (const { server } of servers) server.kill();
}
