// Benchmark (not a test): builds the app, serves it, drives headless Chromium and, for each
// backend that starts here, trains the default SimCLR config with the live panels on, then
// the default Blind-SR stage 1 and stage 2 steps (wasm only unless --sr-backends says so).
// Reports ms/step, first step, load → first step, main-thread frame rate and longest task,
// tensor count and JS heap; times the same steps at 1 thread (wasm in node,
// bench/steps.wasm.ts); runs the PyTorch references of the same steps at 2 and 1 threads
// when torch imports, and prints per lab the step a student sees (train + data preparation)
// against PyTorch's best thread count, then the training step alone against PyTorch.
// Usage: npm run bench [-- --backends wasm,webgl --sr-backends wasm --seconds 20 --torch-threads 2,1 --loads 5]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser.mjs';
import { machineLineWithRelaxedSimd } from './machine.mjs';
import { labNames, pytorchBest, summarise } from './summary.mjs';
import { measurePageLoad, pageLoadSummary, timelineLines } from './startup-timeline.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const backends = option('backends', 'wasm,webgl,webgpu,cpu').split(',');
const srBackends = option('sr-backends', 'wasm').split(',').filter(Boolean);
const seconds = Number(option('seconds', '20'));
const torchThreads = option('torch-threads', '2,1').split(',').filter(Boolean);
const port = Number(process.env.BENCH_PORT ?? 4180);
const cores = cpus().length;

// Other processes on the CPU inflate every figure (PyTorch's 2-thread OpenMP the most:
// 776 ms/step at load 6.8 against 29 ms idle): say so before and after.
const loadBefore = loadavg()[0];
const loadWarning = (load) =>
  load > 0.5 * cores
    ? `WARNING: load average ${load.toFixed(1)} on ${cores} cores — other processes share the CPU; wall-clock figures are inflated (compare the CPU-time ratios at 1 thread, or rerun on a quiet machine).`
    : null;
if (loadWarning(loadBefore)) console.log(loadWarning(loadBefore));
// before anything else runs: what a fresh page of memory and a core's SIMD cost here
const machine = machineLineWithRelaxedSimd();
console.log(machine);

/** The page for one lab: SimCLR, Blind-SR stage 1 or stage 2 (settings from the URL). */
const labs = [
  { lab: 'simclr', query: '', backends },
  { lab: 'blindsr1', query: '&lab=blindsr', backends: srBackends },
  { lab: 'blindsr2', query: '&lab=blindsr&bstage=2', backends: srBackends },
];

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
// wait until the preview server answers (it starts slowly on a loaded machine)
for (let tries = 0; tries < 120; tries++) {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
};

const results = [];
for (const { lab, query, backends: labBackends } of labs)
  for (const backend of labBackends) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // the production build exposes window.__playground only with this flag
    // (src/state/test-hooks.ts); the instruments start with the page, so that nothing of
    // the harness runs between "Play is enabled" and the click
    await page.addInitScript(() => {
      window.__PLAYGROUND_TEST_HOOKS__ = true;
      const bench = { steps: [], data: [], ahead: [], frames: 0, longest: 0, firstStepAt: null };
      window.__bench = bench;
      const attach = setInterval(() => {
        if (!window.__playground) return;
        clearInterval(attach);
        // per-step worker times
        window.__playground.store.subscribe((s, p) => {
          if (s.run.step !== p.run.step && s.run.lastStep) {
            bench.steps.push(s.run.lastStep.milliseconds);
            bench.data.push(s.run.lastStep.augmentMilliseconds);
            bench.ahead.push(s.run.lastStep.drawnAhead ? 1 : 0);
            bench.firstStepAt ??= performance.now();
          }
        });
      }, 1);
      // frames and long tasks of the page's thread
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
    const started = Date.now();
    try {
      await page.goto(`http://127.0.0.1:${port}/?backend=${backend}${query}`);
      // Play is pressed in the frame it becomes enabled (a student who does not wait)
      await page.waitForFunction(
        () => {
          const play = document.querySelector('[data-testid=play]');
          if (play?.disabled !== false) return false;
          window.__bench.playAt = performance.now();
          play.click();
          return true;
        },
        null,
        { timeout: 120_000, polling: 'raf' },
      );
      const readyMs = Date.now() - started;
      const info = await page.evaluate(() => window.__playground.store.getState().run.backend);
      if (info.name !== backend) throw new Error(`asked for ${backend}, got ${info.name}`);
      const { playAt, navigationStart } = await page.evaluate(() => ({
        playAt: window.__bench.playAt,
        navigationStart: performance.timeOrigin,
      }));
      const framesBefore = await page.evaluate(() => {
        window.__bench.longest = 0; // long tasks while training, not while loading
        return window.__bench.frames;
      });
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
      const skip = Math.min(3, Math.max(0, steps.length - 1));
      // the PyTorch references train on random inputs: compare the step without the data
      // preparation (augmentation, degradation, patch cutting), which is reported beside it
      const train = steps.map((ms, i) => ms - sample.bench.data[i]).slice(skip);
      results.push({
        lab,
        backend,
        threads: info.threads,
        simd: info.simd,
        kernels: info.kernels,
        steps: steps.length,
        firstStepMs: steps[0] ?? null,
        medianMsPerStep: median(steps.slice(skip)),
        medianTrainMsPerStep: median(train),
        medianDataMsPerStep: median(sample.bench.data.slice(skip)),
        // Blind-SR: the share of steps whose batch the data thread drew while the step before
        // trained (their data milliseconds are the step's wait for it)
        drawnAheadShare:
          sample.bench.ahead.slice(skip).reduce((a, b) => a + b, 0) /
          Math.max(1, sample.bench.ahead.length - skip),
        loadToReadyMs: playAt,
        harnessReadyMs: readyMs,
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
      results.push({ lab, backend, error: String(error?.message ?? error).slice(0, 300) });
      console.log(`${lab} ${backend}: ${results.at(-1).error}`);
    }
    await page.close();
  }
await browser.close();

/**
 * Page load → first step of the default SimCLR page, over `loads` fresh browsers (a cold
 * start each: no code cache, no HTTP cache): one load varies by ±20 % on a shared machine.
 * `--settle` ms pass between a browser's launch and the navigation (bench/pageload.mjs).
 */
const loads = Number(option('loads', '5'));
const settleMs = Number(option('settle', '2000'));
const pageLoads = [];
for (let i = 0; i < loads && backends.includes('wasm'); i++) {
  try {
    pageLoads.push(await measurePageLoad(`http://127.0.0.1:${port}/?backend=wasm`, { settleMs }));
  } catch (error) {
    console.log(`page load ${i + 1}: ${String(error?.message ?? error).slice(0, 200)}`);
  }
}
const pageLoad = pageLoadSummary(pageLoads);
if (pageLoad) {
  console.log(
    `page load critical path (median ms after navigation start, ${pageLoad.loads} loads):`,
  );
  for (const line of timelineLines(pageLoad.criticalPath, pageLoad.loads)) console.log(`  ${line}`);
}
server.kill();

// 1 thread: the same default steps on tfjs-wasm in node (single-threaded there)
let oneThread = null;
try {
  const output = execFileSync(
    'node',
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--config',
      'bench/vitest.config.ts',
      'bench/steps.wasm.ts',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const line = output.split('\n').find((l) => l.includes('BENCH {'));
  oneThread = line ? JSON.parse(line.slice(line.indexOf('{'))) : null;
} catch (error) {
  console.log(`1-thread wasm steps failed: ${String(error?.message ?? error).slice(0, 300)}`);
}

let python = null;
for (const candidate of ['/usr/bin/python3', 'python3']) {
  try {
    execFileSync(candidate, ['-c', 'import torch'], { stdio: 'ignore' });
    python = candidate;
    break;
  } catch {
    // try the next interpreter
  }
}
const runReference = (script, args) => {
  const result = JSON.parse(
    execFileSync(python, [script, ...args], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1),
  );
  return { ...result, python };
};
/** PyTorch at 2 and 1 threads for each lab (same model and step as the playground). */
const references = {};
if (python)
  for (const threads of torchThreads) {
    references.simclr ??= {};
    references.blindsr1 ??= {};
    references.blindsr2 ??= {};
    references.simclr[threads] = runReference('bench/reference/simclr_step.py', [threads]);
    references.blindsr1[threads] = runReference('bench/reference/blindsr_step.py', ['1', threads]);
    references.blindsr2[threads] = runReference('bench/reference/blindsr_step.py', ['2', threads]);
  }
else
  console.log(
    'PyTorch is not importable here (apt-get install python3-torch): no reference ratio.',
  );
// kept for older readers of bench.json: the SimCLR reference at 2 threads
const reference = references.simclr?.['2'] ?? null;
const loadAfter = loadavg()[0];

const { summary, summaryLines } = summarise(labs, results, references, oneThread);

const pageLoadLine = pageLoad
  ? `page load → first step (SimCLR, wasm, Play pressed when enabled): median ${(pageLoad.medianFirstStepMs / 1000).toFixed(2)} s over ${pageLoad.loads} fresh browsers (${pageLoad.firstStepMs.join(', ')} ms), ready to play ${(pageLoad.medianReadyMs / 1000).toFixed(2)} s`
  : null;
const rows = results.map((r) =>
  r.error
    ? `| ${labNames[r.lab]} | ${r.backend} | failed: ${r.error.replace(/\|/g, '/')} | | | | | | |`
    : r.steps === 0
      ? `| ${labNames[r.lab]} | ${r.backend} | no step finished in ${seconds} s | | | ${r.fps.toFixed(0)} | ${r.longestTaskMs.toFixed(0)} | ${r.numTensors} | |`
      : `| ${labNames[r.lab]} | ${r.backend}${r.threads ? ` (${r.threads} threads)` : ''} | ${r.medianTrainMsPerStep?.toFixed(0)} + ${r.medianDataMsPerStep?.toFixed(0)} data | ${r.firstStepMs?.toFixed(0)} | ${(r.pageLoadToFirstStepMs / 1000).toFixed(2)} s | ${r.fps.toFixed(0)} | ${r.longestTaskMs.toFixed(0)} | ${r.numTensors} | ${pytorchBest(references[r.lab]) ? (r.medianMsPerStep / pytorchBest(references[r.lab]).msPerStep).toFixed(1) + '×' : 'n/a'} |`,
);
const table = [
  `Default configs, ${seconds} s of training with live panels: SimCLR (N = 16 → 32 views of 16×16, 4 convs 16-32-64-64, Adam); Blind-SR stage 1 (16 + 16 patches of 24×24, 6 convs, queue 512) and stage 2 (8 patches, three conditioned upsamplers ×2).`,
  reference
    ? `PyTorch ${reference.torch} on the same CPU, 2 threads: SimCLR ${reference.msPerStep.toFixed(1)} ms/step, Blind-SR stage 1 ${references.blindsr1['2']?.msPerStep.toFixed(1)}, stage 2 ${references.blindsr2['2']?.msPerStep.toFixed(1)}.`
    : 'PyTorch reference: not available on this machine.',
  `Load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ${cores} cores.`,
  `${machine[0].toUpperCase()}${machine.slice(1)}.`,
  '',
  '| lab | backend | median ms/step (train + data) | first step ms | page load → first step | fps while training | longest task ms | tensors | seen (train + data) vs PyTorch best |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  ...summaryLines.map((line) => `- ${line}`),
  ...(pageLoad ? [`- ${pageLoadLine}`] : []),
].join('\n');
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/bench.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      seconds,
      loadAverage: { before: loadBefore, after: loadAfter, cores },
      machine,
      reference,
      references,
      oneThread,
      summary,
      summaryLines,
      pageLoad,
      results,
    },
    null,
    2,
  ),
);
writeFileSync('bench/results/bench.md', table + '\n');
console.log('\n' + table + '\n');
for (const line of summaryLines) console.log(line);
console.log(
  `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (${cores} cores)`,
);
if (pageLoadLine) console.log(pageLoadLine);
console.log(machine);
const warning = loadWarning(Math.max(loadBefore, loadAfter));
if (warning) console.log(warning);
