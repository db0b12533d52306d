import type { Page } from '@playwright/test';
import { expect, screenshot, test, waitForReady } from './fixtures';

/** No horizontal scrolling, Play clicked by a real pointer, nothing on top of the transport. */
async function checkNarrowLayout(page: Page, name: string) {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, 'no horizontal scrolling').toBeLessThanOrEqual(widths.inner);
  // every header action inside the viewport
  for (const id of [
    'language',
    'lessons',
    'instructor',
    'presentation',
    'export-menu',
    'share',
    'shortcuts-button',
  ]) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x, id).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, id).toBeLessThanOrEqual(widths.inner);
  }
  // the transport comes before the settings, without scrolling past them
  const play = page.getByTestId('play');
  const playBox = (await play.boundingBox())!;
  const settingsBox = (await page.locator('.settings').boundingBox())!;
  expect(playBox.y).toBeLessThan(settingsBox.y);
  await screenshot(page, `${name}-top`);
  // nothing overlaps the transport row (checked at the centre and corners of each control)
  const overlapped = await page.getByTestId('transport-row').evaluate((row) => {
    const hits: string[] = [];
    for (const control of row.querySelectorAll('button, .counter')) {
      const r = control.getBoundingClientRect();
      for (const [x, y] of [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 2, r.top + 2],
        [r.right - 2, r.bottom - 2],
      ]) {
        const top = document.elementFromPoint(x, y);
        if (top && !row.contains(top)) hits.push(`${control.textContent} ← ${top.className}`);
      }
    }
    return hits;
  });
  expect(overlapped).toEqual([]);
  await play.click(); // a real pointer click: fails if anything would receive it instead
  await expect(page.getByTestId('pause')).toBeVisible();
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();
  // the settings open below and still no horizontal scrolling
  await page.getByTestId('settings-toggle').click();
  await expect(page.getByTestId('temperature')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  // scrolled down: the pinned transport still takes real clicks
  await page.getByTestId('temperature').scrollIntoViewIfNeeded();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).not.toHaveText('0');
  await screenshot(page, `${name}-full`);
  // the Blind-SR lab fits as well
  await page.getByTestId('lab-blindsr').click();
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
}

test.describe('phone 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
  test('fits, transport first and clickable', async ({ page }) => {
    await checkNarrowLayout(page, 'phone');
  });
});

test.describe('laptop 1024×768 at 150 %', () => {
  test.use({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 });
  test('fits, transport first and clickable', async ({ page }) => {
    await checkNarrowLayout(page, 'laptop-150');
  });
});

test('step by stage reveals each stage only at its stage, from a fresh page', async ({ page }) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('stage-mode').click();
  const order = ['augment', 'encode', 'project', 'similarity', 'loss', 'update'];
  const output = (stage: string) =>
    page.locator(`[data-testid="stage-output"][data-stage="${stage}"]`);
  for (let i = 0; i < order.length; i++) {
    if (i > 0) await page.getByTestId('stage-next').click();
    await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-stage', order[i]);
    await expect(output(order[i])).toBeVisible();
    for (const later of order.slice(i + 1)) await expect(output(later)).toHaveCount(0);
    if (order[i] === 'encode') await expect(page.getByTestId('stage-h')).toBeVisible();
    if (order[i] === 'project') await expect(page.getByTestId('stage-z')).toBeVisible();
    if (order[i] === 'similarity') {
      await expect(page.getByTestId('similarity-matrix')).toBeVisible();
      await expect(page.getByTestId('anchor-losses')).toHaveCount(0);
    }
    if (order[i] === 'loss') {
      // the matrix switches to the row softmax, and ℓ per anchor appears
      await expect(page.locator('.color-legend').first()).toHaveAttribute(
        'aria-label',
        'row softmax',
      );
      await expect(page.getByTestId('anchor-losses')).toBeVisible();
      await screenshot(page, 'stage-loss');
    }
    if (order[i] === 'update') {
      await expect(page.getByTestId('gradient-norms')).toBeVisible();
      await expect(page.getByTestId('stage-update-loss')).toContainText('→');
      await expect(page.getByTestId('step-count')).toHaveText('1');
      await screenshot(page, 'stage-update');
    }
    if (i < 3) await expect(page.getByTestId('similarity-matrix')).toHaveCount(0);
  }
  // the next batch: everything after augment is pending again
  await page.getByTestId('stage-next').click();
  await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-stage', 'augment');
  await expect(output('encode')).toHaveCount(0);
  await expect(page.locator('[data-testid="stage-pending"][data-stage="encode"]')).toBeVisible();
});

test('Blind-SR stages show a batch before the first step', async ({ page }) => {
  await page.goto('/?backend=wasm&lab=blindsr');
  await waitForReady(page);
  await page.getByTestId('stage-mode').click();
  const output = (stage: string) =>
    page.locator(`[data-testid="stage-output"][data-stage="${stage}"]`);
  await expect(output('degrade').locator('canvas').first()).toBeVisible();
  await expect(page.locator('[data-testid="stage-pending"][data-stage="queue"]')).toBeVisible();
  for (const stage of ['patches', 'encode', 'queue', 'weighted']) {
    await page.getByTestId('stage-next').click();
    await expect(output(stage)).toBeVisible();
  }
  await expect(page.getByTestId('queue-panel')).toContainText('K = ');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await screenshot(page, 'stage-blindsr');
});

test('τ moves by ×1.1 per key press; matrix and views work from the keyboard', async ({ page }) => {
  await page.goto('/?backend=wasm&n=8&tau=0.1');
  await waitForReady(page);
  const tau = page.getByTestId('temperature');
  await tau.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  // 0.1 × 1.1⁵ = 0.161
  await expect(tau).toHaveAttribute('aria-valuetext', '0.16');
  await expect(page).toHaveURL(/tau=0\.16/);
  await page.getByTestId('similarity-matrix').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('softmax-bars')).toBeVisible();
  await expect(page.getByTestId('softmax-bars')).toContainText('3a');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await page.locator('[data-view="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-view="8"]')).toBeFocused();
  await expect(page.getByTestId('view-params')).toContainText('1b');
});

test('presentation mode: larger text, ticks ≥ 14 px, kept in the link', async ({ page }) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('step').click();
  // the curve (and so its axes) exists once the step has reached the page
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.getByTestId('presentation').click();
  await expect(page).toHaveURL(/present=1/);
  await expect(page.locator('.line-chart .tick text').first()).toBeVisible();
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll('.line-chart .tick text')].map(
      (t) => (t as SVGTextElement).getBoundingClientRect().height,
    ),
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  await screenshot(page, 'presentation');
});

test('the lesson text and the panel it explains are on screen together at 1024×768', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('lessons').click();
  for (const [lesson, steps] of [
    ['temperature', 3],
    ['negatives', 2],
    ['pairs', 2],
  ] as const) {
    await page.getByTestId('lesson-select').selectOption(lesson);
    for (let step = 0; step < steps; step++) {
      if (step > 0) await page.getByTestId('lesson-next').click();
      const focus = await page.locator('main').getAttribute('data-focus');
      await expect(async () => {
        const text = (await page.getByTestId('lesson-text').boundingBox())!;
        const panel = (await page.locator(`[data-panel="${focus}"] h2`).boundingBox())!;
        expect(text.y).toBeGreaterThanOrEqual(0);
        expect(panel.y).toBeGreaterThan(text.y + text.height - 1);
        expect(panel.y + panel.height).toBeLessThanOrEqual(768);
      }).toPass({ timeout: 5000 });
    }
  }
  await page.screenshot({ path: 'e2e/screenshots/lesson-docked.png' });
});
