import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
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
  await page.getByTestId('presentation').click();
  await expect(page).toHaveURL(/present=1/);
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

test('exported figures: the similarity PNG is ≥ 2× the panel and carries its colour bar; SVG and all panels', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  const panel = page.locator('[data-panel="similarity"]');
  const panelBox = (await panel.boundingBox())!;
  const legendBox = (await panel.locator('.color-legend rect').first().boundingBox())!;
  const save = async (testId: string) => {
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ]);
    await page.getByTestId('export-menu').click();
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  };
  const png = await save('export-png-similarity');
  writeFileSync('e2e/screenshots/export-similarity.png', png.bytes);
  // decode in the page and sample the colour bar's middle: a saturated viridis colour
  const decoded = await page.evaluate(
    async ({ base64, x, y }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return {
        width: bitmap.width,
        height: bitmap.height,
        pixel: [...context.getImageData(Math.round(x), Math.round(y), 1, 1).data],
      };
    },
    {
      base64: png.bytes.toString('base64'),
      x: (legendBox.x - panelBox.x + legendBox.width / 2) * 2,
      y: (legendBox.y - panelBox.y + legendBox.height / 2) * 2,
    },
  );
  expect(decoded.width).toBeGreaterThanOrEqual(Math.floor(panelBox.width * 2));
  expect(decoded.height).toBeGreaterThanOrEqual(Math.floor(panelBox.height * 2));
  const [r, g, b] = decoded.pixel;
  expect(
    Math.max(r, g, b) - Math.min(r, g, b),
    `colour bar pixel ${decoded.pixel}`,
  ).toBeGreaterThan(40);
  const svg = await save('export-svg-loss');
  expect(svg.name).toMatch(/\.svg$/);
  expect(svg.bytes.toString()).toContain('<svg');
  expect(svg.bytes.toString()).toContain('NT-Xent');
  const all = await save('export-png-all');
  writeFileSync('e2e/screenshots/export-all.png', all.bytes);
  const views = await save('export-png-views');
  writeFileSync('e2e/screenshots/export-views.png', views.bytes);
  expect(views.bytes.length).toBeGreaterThan(20_000);
});

/** Visible strings of the page: text nodes, title, aria-label, placeholder. */
async function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (parent?.closest('.katex, script, style')) continue;
        out.push(node.textContent ?? '');
      } else {
        const element = node as Element;
        for (const attribute of ['title', 'aria-label', 'placeholder'])
          if (element.hasAttribute(attribute)) out.push(element.getAttribute(attribute)!);
      }
    }
    return out.map((s) => s.trim()).filter(Boolean);
  });
}

test('简体中文: no English string of the catalogue left on screen, in both labs and a lesson', async ({
  page,
}) => {
  const { en } = await import('../src/i18n/en');
  const { zh } = await import('../src/i18n/zh');
  const english = Object.entries(en as Record<string, string>)
    // the same in both catalogues: symbols and names (SimCLR, LR, PCA …)
    .filter(([key, value]) => (zh as Record<string, string>)[key] !== value)
    .map(([, value]) => value)
    // a template matches its filled-in text
    .map((value) => {
      const pattern = value
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+?');
      return { value, pattern: new RegExp(`^${pattern}$`) };
    })
    // a template of only symbols and placeholders says nothing in English
    .filter(({ value }) => /[A-Za-z]{3,}/.test(value.replace(/\{\w+\}/g, '')));
  const untranslated = async (where: string) => {
    const strings = await visibleStrings(page);
    return strings
      .filter((s) => english.some(({ value, pattern }) => s === value || pattern.test(s)))
      .map((s) => `${where}: ${s}`);
  };
  const found: string[] = [];
  await page.goto('/?backend=wasm&n=8&lang=zh');
  await waitForReady(page);
  await page.getByTestId('step').click();
  await page.getByTestId('export-menu').click();
  await page.getByTestId('instructor').click();
  found.push(...(await untranslated('simclr')));
  await page.getByTestId('stage-mode').click();
  for (let i = 0; i < 5; i++) await page.getByTestId('stage-next').click();
  await expect(page.getByTestId('gradient-norms')).toBeVisible();
  found.push(...(await untranslated('simclr stages')));
  await page.getByTestId('lessons').click();
  found.push(...(await untranslated('lesson')));
  await page.goto('/?backend=wasm&lang=zh&lab=blindsr');
  await waitForReady(page);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.getByTestId('export-menu').click();
  found.push(...(await untranslated('blindsr')));
  expect(found).toEqual([]);
});

test('accessibility: no serious or critical axe violations in both labs and an open lesson', async ({
  page,
}) => {
  const serious = async (where: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${where}: ${v.id} (${v.impact}) ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  };
  const found: string[] = [];
  await page.goto('/?backend=wasm&n=8');
  await waitForReady(page);
  found.push(...(await serious('simclr')));
  await page.getByTestId('lessons').click();
  await expect(page.getByTestId('lesson-text')).toBeVisible();
  found.push(...(await serious('lesson')));
  await page.goto('/?backend=wasm&lab=blindsr');
  await waitForReady(page);
  found.push(...(await serious('blindsr')));
  expect(found).toEqual([]);
});
