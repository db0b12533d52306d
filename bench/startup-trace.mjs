// One page load in a fresh browser under Chromium's tracing: where each thread's time goes
// before the first step (V8 compile / evaluate / GC / wasm compile per thread, and the
// sampled functions of the training worker by script). For finding what is on the
// critical path that the start-up marks (bench/startup-timeline.mjs) only bracket.
// Usage: node bench/startup-trace.mjs [--url http://127.0.0.1:4180/?backend=wasm] [--out trace.json]
//   [--play-ms 5000] (then the profile is mostly of training steps)
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const url = option('url', 'http://127.0.0.1:4180/?backend=wasm');
const out = option('out', '');
// after the first step, keep training (and tracing) this long: a profile of the steps
const playMs = Number(option('play-ms', '0'));

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await browser.startTracing(page, {
  categories: [
    'devtools.timeline',
    'v8',
    'v8.execute',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-v8.cpu_profiler',
    'blink.user_timing',
    'loading',
  ],
});
await page.goto(url);
await page.waitForFunction(
  () => {
    const play = document.querySelector('[data-testid=play]');
    if (play?.disabled !== false) return false;
    play.click();
    return true;
  },
  null,
  { timeout: 120_000, polling: 'raf' },
);
await page.waitForFunction(
  () => performance.getEntriesByName('startup:worker:first-step-done').length > 0,
  null,
  { timeout: 60_000 },
);
if (playMs > 0) await new Promise((resolve) => setTimeout(resolve, playMs));
const trace = JSON.parse((await browser.stopTracing()).toString());
await browser.close();
if (out) writeFileSync(out, JSON.stringify(trace));

const events = trace.traceEvents ?? trace;
const threadNames = new Map();
for (const e of events)
  if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
const start = Math.min(
  ...events
    .filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser')
    .map((e) => e.ts),
);
const end = Math.max(
  ...events
    .filter((e) => e.name === 'startup:worker:first-step-done' || e.ph === 'X')
    .map((e) => e.ts),
);

// complete events ('X'): self time would need nesting; top-level per thread is enough here
const perThread = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur || e.ts < start) continue;
  const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
  if (!perThread.has(thread)) perThread.set(thread, new Map());
  const names = perThread.get(thread);
  const key = e.name;
  const entry = names.get(key) ?? { ms: 0, n: 0 };
  entry.ms += e.dur / 1000;
  entry.n += 1;
  names.set(key, entry);
}
const interesting =
  /Compile|Evaluate|Script|Parse|GC|wasm|Wasm|FunctionCall|RunTask|Module|Instantiate|Timer|Task/;
for (const [thread, names] of perThread) {
  const rows = [...names]
    .filter(([name]) => interesting.test(name))
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 12);
  if (!rows.length || rows[0][1].ms < 20) continue;
  console.log(`\n${thread}`);
  for (const [name, { ms, n }] of rows)
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${String(n).padStart(5)}×  ${name}`);
}

// the worker's sampled CPU profile: self time by function and script
const profiles = new Map();
for (const e of events) {
  if (e.name === 'Profile')
    profiles.set(e.id, { pid: e.pid, tid: e.tid, nodes: new Map(), samples: [], deltas: [] });
  if (e.name === 'ProfileChunk') {
    const p = profiles.get(e.id);
    if (!p) continue;
    const d = e.args.data;
    for (const node of d.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
    p.samples.push(...(d.cpuProfile?.samples ?? []));
    p.deltas.push(...(d.timeDeltas ?? []));
  }
}
for (const p of profiles.values()) {
  const thread = threadNames.get(`${p.pid}:${p.tid}`) ?? `${p.pid}:${p.tid}`;
  const self = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const node = p.nodes.get(id);
    const dt = (p.deltas[i + 1] ?? 0) / 1000;
    if (!node || dt <= 0) return;
    const cf = node.callFrame;
    const script = (cf.url || '')
      .split('/')
      .pop()
      .replace(/-[\w-]{8}\./, '.');
    const key = `${cf.functionName || '(anonymous)'} ${script}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    if (cf.functionName !== '(idle)') total += dt;
  });
  if (total < 50) continue;
  console.log(`\nsampled ${thread}: ${total.toFixed(0)} ms busy`);
  const byScript = new Map();
  for (const [key, ms] of self) {
    const script = key.split(' ').pop() || '(native)';
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  for (const [s, ms] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`${ms.toFixed(0).padStart(7)} ms  script ${s}`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
}
console.log(`\ntrace span ${((end - start) / 1000).toFixed(0)} ms`);
