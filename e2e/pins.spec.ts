import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, stepCount, test, withTestHooks } from './fixtures';

// Compare runs in class: pin a run, change one thing, see both.
const small = '/?backend=wasm&n=8';
const shots = 'test-results/pins';
mkdirSync(shots, { recursive: true });

// the shared machine runs seven engineers' builds and browsers: a page may take minutes
test.setTimeout(480_000);

/** The worker is up and the first matrix drawn (waitForReady, with room for a loaded machine). */
async function waitForReady(page: Page): Promise<void> {
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 240_000 });
}

/** Plays until at least `steps` steps, then pauses and waits for the worker to stop. */
async function trainTo(page: Page, steps: number): Promise<void> {
  await page.getByTestId('play').click();
  await expect.poll(() => stepCount(page), { timeout: 240_000 }).toBeGreaterThanOrEqual(steps);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();
}

const ghosts = (page: Page, chart: string) => page.getByTestId(chart).getByTestId('pinned-run');

async function save(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: readFileSync((await download.path())!, 'utf8'),
  };
}

test('pin τ 0.5, train τ 0.1: both on the charts, after a reload and a lab switch, in a session file and the CSV', async ({
  page,
  browser,
}) => {
  await page.goto(`${small}&tau=0.5`);
  await waitForReady(page);
  await expect(page.getByTestId('pin-run')).toBeDisabled();
  await trainTo(page, 4);
  await page.getByTestId('pin-run').click();
  await expect(page.getByTestId('pin-item')).toHaveCount(1);
  // nothing differs yet: the same settings as the live run
  await expect(page.getByTestId('pin-label')).toHaveText('same settings');

  await page.goto(`${small}&tau=0.1`);
  await waitForReady(page);
  await trainTo(page, 4);
  const lossGhost = ghosts(page, 'loss-chart');
  await expect(lossGhost).toHaveCount(1);
  await expect(lossGhost).toHaveAttribute('aria-label', 'τ 0.5');
  await expect(lossGhost.locator('text')).toHaveText('τ 0.5');
  // beside the live run, on the same step axis
  expect(
    await page.getByTestId('loss-chart').locator('[data-series="loss"]').getAttribute('d'),
  ).toMatch(/^M/);
  expect(await lossGhost.locator('path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
  // top-1 and kNN both have their ghost on the accuracy chart
  await expect(ghosts(page, 'accuracy-chart')).toHaveCount(2);
  await expect(ghosts(page, 'accuracy-chart').nth(1)).toHaveAttribute('aria-label', 'τ 0.5 · kNN');
  await expect(ghosts(page, 'geometry-chart')).toHaveCount(2);

  await page.reload();
  await waitForReady(page);
  await expect(ghosts(page, 'loss-chart')).toHaveAttribute('aria-label', 'τ 0.5');
  await page.getByTestId('lab-blindsr').click();
  await expect(page.getByTestId('pin-item')).toHaveCount(0);
  await expect(page.getByTestId('pinned-runs')).toContainText('1 more pinned in the other lab');
  await page.getByTestId('lab-simclr').click();
  await expect(ghosts(page, 'loss-chart')).toHaveAttribute('aria-label', 'τ 0.5');

  await trainTo(page, 2);
  await page.getByTestId('export-menu').click();
  const metrics = await save(page, 'export-csv');
  await page.getByTestId('export-menu').click();
  const rows = metrics.text.trim().split('\n');
  expect(rows[0]).toBe('series,step,value,run');
  expect(rows.some((row) => /^loss,\d+,[-\d.e]+,live$/.test(row))).toBe(true);
  expect(rows.some((row) => /^loss,\d+,[-\d.e]+,SimCLR: τ 0\.5$/.test(row))).toBe(true);
  expect(rows.some((row) => /^knn,\d+,[-\d.e]+,SimCLR: τ 0\.5$/.test(row))).toBe(true);

  const session = await save(page, 'export-session');
  expect(session.name).toMatch(/^session-.*\.json$/);
  expect(JSON.parse(session.text)).toMatchObject({ format: 'contrastive-playground-session' });

  // a fresh browser profile: nothing stored, then the instructor loads the file
  const context = await withTestHooks(await browser.newContext());
  const classroom = await context.newPage();
  await classroom.goto(`${small}&tau=0.1`);
  await waitForReady(classroom);
  await expect(classroom.getByTestId('pin-item')).toHaveCount(0);
  await classroom.getByTestId('load-session').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"contrastive-playground-weights"}'),
  });
  await expect(classroom.getByRole('alert')).toContainText('not a session file');
  await classroom.getByTestId('load-session').setInputFiles({
    name: session.name,
    mimeType: 'application/json',
    buffer: Buffer.from(session.text),
  });
  await expect(classroom.getByRole('alert')).toHaveCount(0);
  await expect(ghosts(classroom, 'loss-chart')).toHaveAttribute('aria-label', 'τ 0.5');
  // "restore these settings": τ 0.5 is live again, so the pin now differs in nothing
  await classroom.getByTestId('pin-restore').click();
  await expect(classroom).toHaveURL(/tau=0\.5/);
  await expect(classroom.getByTestId('pin-label')).toHaveText('same settings');
  await context.close();
});

test('a pinned run can be renamed, hidden and removed; four at most', async ({ page }) => {
  await page.goto(`${small}&tau=0.5`);
  await waitForReady(page);
  await trainTo(page, 2);
  await page.getByTestId('pin-run').click();
  await page.getByTestId('temperature').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('pin-label')).toHaveText('τ 0.5');
  await page.getByTestId('pin-label').click();
  await page.getByTestId('pin-name').fill('warm');
  await page.getByTestId('pin-name').press('Enter');
  await expect(ghosts(page, 'loss-chart')).toHaveAttribute('aria-label', 'warm');
  await page.getByRole('checkbox', { name: 'Show warm on the charts' }).uncheck();
  await expect(ghosts(page, 'loss-chart')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show warm on the charts' }).check();
  await expect(ghosts(page, 'loss-chart')).toHaveCount(1);
  for (let pinned = 2; pinned <= 4; pinned++) {
    await page.getByTestId('pin-run').click();
    await expect(page.getByTestId('pin-item')).toHaveCount(pinned);
  }
  await expect(page.getByTestId('pin-run')).toBeDisabled();
  // four distinct dashes
  const dashes = await ghosts(page, 'loss-chart')
    .locator('path')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray')));
  expect(new Set(dashes).size).toBe(4);
  await page.getByRole('button', { name: 'Remove warm' }).click();
  await expect(page.getByTestId('pin-item')).toHaveCount(3);
  await expect(page.getByTestId('pin-run')).toBeEnabled();
});

test('Run A/B: the pinned settings then the live ones, from step 0 on one seed, as many steps each', async ({
  page,
}) => {
  await page.goto(`${small}&tau=0.5`);
  await waitForReady(page);
  await trainTo(page, 8);
  await page.getByTestId('pin-run').click();
  const target = Number(
    (await page.getByTestId('pin-item').textContent())!.match(/(\d+) steps/)![1],
  );
  await page.goto(`${small}&tau=0.1`);
  await waitForReady(page);
  await page.getByTestId('pin-ab').click();
  await expect(page.getByTestId('ab-status')).toContainText('Run A/B');
  await expect(page.getByTestId('ab-status')).toHaveAttribute('data-done', 'true', {
    timeout: 240_000,
  });
  const status = (await page.getByTestId('ab-status').textContent())!;
  console.log(`A/B ${target} steps: ${status}`);
  expect(status).toMatch(/A took [\d.]+ s, B [\d.]+ s/);
  await expect(page).toHaveURL(/tau=0\.1/);
  expect(await stepCount(page)).toBeGreaterThanOrEqual(target);
  await expect(ghosts(page, 'loss-chart')).toHaveAttribute('aria-label', 'τ 0.5');
  const lastStep = async (selector: string) =>
    page
      .getByTestId('loss-chart')
      .locator(selector)
      .evaluate((path) => (path as SVGPathElement).getTotalLength());
  expect(await lastStep('[data-testid="pinned-run"] path')).toBeGreaterThan(0);
  expect(await lastStep('[data-series="loss"]')).toBeGreaterThan(0);
});

test('screenshots: the loss and kNN charts with two pinned runs', async ({ page, browser }) => {
  for (const tau of [0.5, 0.05]) {
    await page.goto(`${small}&tau=${tau}`);
    await waitForReady(page);
    await trainTo(page, 30);
    await page.getByTestId('pin-run').click();
  }
  await page.goto(`${small}&tau=0.1`);
  await waitForReady(page);
  await trainTo(page, 30);
  await expect(ghosts(page, 'loss-chart')).toHaveCount(2);
  const labels = await ghosts(page, 'loss-chart').evaluateAll((g) =>
    g.map((e) => e.getAttribute('aria-label')),
  );
  expect(labels).toEqual(['τ 0.5', 'τ 0.05']);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('[data-panel="loss"]').screenshot({ path: `${shots}/loss-1440.png` });
  await page.getByTestId('pinned-runs').screenshot({ path: `${shots}/pin-list-1440.png` });
  const storage = await page.context().storageState();
  const phone = await withTestHooks(
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      storageState: storage,
    }),
  );
  const small390 = await phone.newPage();
  await small390.goto(`${small}&tau=0.1`);
  await waitForReady(small390);
  await trainTo(small390, 30);
  await expect(ghosts(small390, 'loss-chart')).toHaveCount(2);
  await small390.getByTestId('loss-chart').screenshot({ path: `${shots}/loss-390.png` });
  await small390.getByTestId('accuracy-chart').screenshot({ path: `${shots}/knn-390.png` });
  await small390.getByTestId('pinned-runs').screenshot({ path: `${shots}/pin-list-390.png` });
  await phone.close();
});
