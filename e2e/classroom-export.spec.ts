import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitForReady } from './fixtures';

// the screenshots folder is ignored by git: a fresh clone has none
mkdirSync('e2e/screenshots', { recursive: true });

// the classroom's figures, its other language and its accessibility (layout and keyboard:
// classroom.spec.ts)
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
