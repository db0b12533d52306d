// Benchmark (not a test): builds the app, serves it, drives headless Chromium and, for each
// backend that starts here, trains the default SimCLR config with the live panels on.
// Reports ms/step, first step, load → first step, main-thread frame rate and longest task,
// tensor count and JS heap; runs the PyTorch reference of the same step when torch imports.
// Usage: npm run bench [-- --backends wasm,webgl --seconds 20]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const backends = option('backends', 'wasm,webgl,webgpu,cpu').split(',');
const seconds = Number(option('seconds', '20'));
const port = 4180;

execFileSync('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
const server = spawn(
  'node',
  [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--port',
    String(port),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ],
  { stdio: 'ignore' },
);
await new Promise((resolve) => setTimeout(resolve, 1500));

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
};

const results = [];
for (const backend of backends) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const started = Date.now();
  try {
    await page.goto(`http://127.0.0.1:${port}/?backend=${backend}`);
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=play]')?.disabled,
      null,
      { timeout: 120_000 },
    );
    const readyMs = Date.now() - started;
    const info = await page.evaluate(() => window.__playground.store.getState().run.backend);
    if (info.name !== backend) throw new Error(`asked for ${backend}, got ${info.name}`);
    // instrument: per-step worker times, frames, long tasks
    await page.evaluate(() => {
      const bench = { steps: [], frames: 0, longest: 0, firstStepAt: null };
      window.__bench = bench;
      window.__playground.store.subscribe((s, p) => {
        if (s.run.step !== p.run.step && s.run.lastStep) {
          bench.steps.push(s.run.lastStep.milliseconds);
          bench.firstStepAt ??= performance.now();
        }
      });
      const frame = () => {
        bench.frames++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          bench.longest = Math.max(bench.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const playAt = await page.evaluate(() => performance.now());
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    await page.getByTestId('play').click();
    const framesBefore = await page.evaluate(() => window.__bench.frames);
    const t0 = Date.now();
    await page.waitForTimeout(seconds * 1000);
    const elapsed = (Date.now() - t0) / 1000;
    const sample = await page.evaluate(() => ({
      bench: window.__bench,
      memory: window.__playground.store.getState().run.memory,
      heap: performance.memory?.usedJSHeapSize ?? null,
    }));
    await page.getByTestId('pause').click();
    const steps = sample.bench.steps;
    results.push({
      backend,
      threads: info.threads,
      simd: info.simd,
      steps: steps.length,
      firstStepMs: steps[0] ?? null,
      medianMsPerStep: median(steps.slice(Math.min(3, Math.max(0, steps.length - 1)))),
      loadToReadyMs: readyMs,
      playToFirstStepMs: sample.bench.firstStepAt ? sample.bench.firstStepAt - playAt : null,
      pageLoadToFirstStepMs: sample.bench.firstStepAt ? sample.bench.firstStepAt : null,
      fps: (sample.bench.frames - framesBefore) / elapsed,
      longestTaskMs: sample.bench.longest,
      numTensors: sample.memory?.numTensors ?? null,
      backendBytes: sample.memory?.bytes ?? null,
      jsHeapBytes: sample.heap,
      navigationStart,
    });
    console.log(JSON.stringify(results.at(-1)));
  } catch (error) {
    results.push({ backend, error: String(error?.message ?? error).slice(0, 300) });
    console.log(`${backend}: ${results.at(-1).error}`);
  }
  await page.close();
}
await browser.close();
server.kill();

let reference = null;
for (const python of ['/usr/bin/python3', 'python3']) {
  try {
    execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    reference = JSON.parse(
      execFileSync(python, ['bench/reference/simclr_step.py', '2'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .at(-1),
    );
    reference.python = python;
    break;
  } catch {
    // try the next interpreter
  }
}
if (!reference)
  console.log(
    'PyTorch is not importable here (apt-get install python3-torch): no reference ratio.',
  );

const rows = results.map((r) =>
  r.error
    ? `| ${r.backend} | failed: ${r.error.replace(/\|/g, '/')} | | | | | | |`
    : r.steps === 0
      ? `| ${r.backend} | no step finished in ${seconds} s | | | ${r.fps.toFixed(0)} | ${r.longestTaskMs.toFixed(0)} | ${r.numTensors} | |`
      : `| ${r.backend}${r.threads ? ` (${r.threads} threads)` : ''} | ${r.medianMsPerStep?.toFixed(0)} | ${r.firstStepMs?.toFixed(0)} | ${(r.pageLoadToFirstStepMs / 1000).toFixed(1)} s | ${r.fps.toFixed(0)} | ${r.longestTaskMs.toFixed(0)} | ${r.numTensors} | ${reference ? (r.medianMsPerStep / reference.msPerStep).toFixed(1) + '×' : 'n/a'} |`,
);
const table = [
  `Default SimCLR config (N = 32 → 64 views of 32×32, 4 convs 16-32-64-64, Adam), ${seconds} s of training with live panels.`,
  reference
    ? `PyTorch ${reference.torch} on the same CPU, ${reference.threads} threads: ${reference.msPerStep.toFixed(1)} ms/step.`
    : 'PyTorch reference: not available on this machine.',
  '',
  '| backend | median ms/step | first step ms | page load → first step | fps while training | longest task ms | tensors | vs PyTorch |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/bench.json',
  JSON.stringify({ date: new Date().toISOString(), seconds, reference, results }, null, 2),
);
writeFileSync('bench/results/bench.md', table + '\n');
console.log('\n' + table);
