import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';

/**
 * Fresh loads as a class of students makes them: a new browser context each,
 * both labs, both languages, phone and desktop, lesson links, MoCo, a lab switch right
 * after load, and Play pressed in the very frame it is enabled — while two busy processes
 * keep the CPU loaded. Every load must train a step on wasm, with no error and no request
 * for a binary the build does not contain. Half the loads go through `vite preview`, half
 * through the plain static server (the service worker gives isolation and caches there).
 *
 * STRESS_LOADS sets how many (8 in the e2e suite; `npm run stress` runs 100).
 */
const loads = Number(process.env.STRESS_LOADS ?? 8);
const servers = {
  preview: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`,
  static: `http://127.0.0.1:${process.env.E2E_STATIC_PORT ?? 4180}/course/playground/`,
} as const;
type Server = keyof typeof servers;

interface Scenario {
  query: string;
  device: 'desktop' | 'zoomed' | 'phone';
  /** the lab tab clicked right after the page has loaded */
  switchTo?: 'simclr' | 'blindsr';
}

const scenarios: Scenario[] = [
  { query: '', device: 'desktop' },
  { query: '?lang=zh', device: 'phone' },
  { query: '?lab=blindsr', device: 'zoomed' },
  { query: '?lab=blindsr&bstage=2&lang=zh', device: 'desktop' },
  { query: '?lesson=pairs', device: 'phone' },
  { query: '?lesson=degradation&lang=zh', device: 'zoomed' },
  { query: '?method=moco', device: 'desktop' },
  { query: '?method=moco&lang=zh', device: 'phone' },
  { query: '', device: 'desktop', switchTo: 'blindsr' },
  { query: '?lab=blindsr&lang=zh', device: 'phone', switchTo: 'simclr' },
];

const devices = {
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  zoomed: { viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true },
} as const;

const unhashedBinary = /\/tfjs-backend-wasm(-simd|-threaded-simd)?\.wasm(\?|$)/;

/**
 * In the page, before the app: clicks Play in the same task that enables it (a mutation
 * observer runs before the next frame is drawn), again after each lab switch.
 */
function pressPlayWhenEnabled(): void {
  const plays: number[] = [];
  (window as unknown as { __stressPlays: number[] }).__stressPlays = plays;
  let enabledBefore = false;
  const watch = () => {
    const play = document.querySelector<HTMLButtonElement>('[data-testid=play]');
    const enabled = play !== null && !play.disabled;
    if (enabled && !enabledBefore) {
      plays.push(performance.now());
      play.click();
    }
    enabledBefore = enabled;
  };
  new MutationObserver(watch).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
}

interface Outcome {
  load: number;
  server: Server;
  scenario: string;
  ms: number;
  problem: string | null;
}

async function waitForIsolatedApp(page: Page, lab: string): Promise<void> {
  // the static host's first visit reloads once through the service worker: wait for that page
  await page.waitForFunction(
    (id) => window.crossOriginIsolated && document.querySelector(`[data-testid=lab-${id}]`),
    lab,
    { timeout: 60_000 },
  );
}

async function oneLoad(browser: Browser, load: number): Promise<Outcome> {
  const scenario = scenarios[load % scenarios.length];
  // each scenario meets both servers over the rounds
  const server: Server =
    (load + Math.floor(load / scenarios.length)) % 2 === 0 ? 'preview' : 'static';
  const name = `${scenario.query || '/'} ${scenario.device}${scenario.switchTo ? ` → ${scenario.switchTo}` : ''}`;
  const context = await browser.newContext({ ...devices[scenario.device], locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  const unhashed: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (unhashedBinary.test(request.url())) unhashed.push(new URL(request.url()).pathname);
  });
  await page.addInitScript(pressPlayWhenEnabled);
  const started = Date.now();
  let problem: string | null = null;
  try {
    await page.goto(`${servers[server]}${scenario.query}`);
    if (scenario.switchTo) {
      await waitForIsolatedApp(page, scenario.switchTo);
      await page.getByTestId(`lab-${scenario.switchTo}`).click();
    }
    // a step trained in the lab shown (the counter moved) or the banner says why not
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=error-banner]') !== null ||
        Number(document.querySelector('[data-testid=step-count]')?.textContent) >= 1,
      null,
      { timeout: 90_000 },
    );
    const banner = page.getByTestId('error-banner');
    if ((await banner.count()) > 0) problem = `banner: ${await banner.textContent()}`;
    else {
      const backend = await page.getByTestId('backend').getAttribute('data-backend');
      if (backend !== 'wasm') problem = `trained on ${backend}, not wasm`;
      else if (
        scenario.switchTo &&
        (await page.getByTestId(`lab-${scenario.switchTo}`).getAttribute('aria-selected')) !==
          'true'
      )
        problem = `the switch to ${scenario.switchTo} did not happen`;
    }
  } catch (error) {
    problem = `no step: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  if (!problem && unhashed.length > 0) problem = `asked for ${unhashed.join(', ')}`;
  if (!problem && errors.length > 0) problem = `console: ${errors.join(' | ')}`;
  const outcome = { load, server, scenario: name, ms: Date.now() - started, problem };
  await context.close();
  return outcome;
}

/** Two processes that keep a core each busy, stopped at the end (and bounded anyway). */
function busyProcesses(seconds: number): ChildProcess[] {
  const spin = `const end = Date.now() + ${seconds * 1000}; while (Date.now() < end) {}`;
  return [0, 1].map(() => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
}

test(`${loads} fresh loads on a busy CPU: every one trains on wasm, none fails`, async ({
  browser,
}) => {
  test.setTimeout(loads * 100_000 + 60_000);
  const busy = busyProcesses(Math.min(loads * 100 + 60, 3600));
  const outcomes: Outcome[] = [];
  try {
    for (let load = 0; load < loads; load++) {
      const outcome = await oneLoad(browser, load);
      outcomes.push(outcome);
      console.log(
        `load ${load + 1}/${loads} [${outcome.server}] ${outcome.scenario}: ${outcome.problem ?? 'ok'} (${(outcome.ms / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    for (const process of busy) process.kill();
  }
  const failures = outcomes.filter((outcome) => outcome.problem !== null);
  for (const server of Object.keys(servers) as Server[]) {
    const own = outcomes.filter((outcome) => outcome.server === server);
    const failed = own.filter((outcome) => outcome.problem !== null).length;
    const times = own.map((outcome) => outcome.ms).sort((a, b) => a - b);
    console.log(
      `${server}: ${failed} of ${own.length} loads failed; load → first step median ${((times[times.length >> 1] ?? 0) / 1000).toFixed(1)} s`,
    );
  }
  expect(failures, `${failures.length} of ${loads} loads failed`).toEqual([]);
});
