import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { canvasSignature, expect, screenshot, stepCount, test, waitForReady } from './fixtures';
import type { Page } from '@playwright/test';

test.describe('the contrastive family in the SimCLR lab', () => {
  test('switching method rebuilds, trains, and the panels follow', async ({ page }) => {
    await page.goto('/?backend=wasm&n=8');
    await waitForReady(page);
    await expect(page.getByTestId('moco-queue-panel')).toHaveCount(0);
    await expect(page.locator('[data-panel="loss"]')).toHaveAttribute('data-method', 'simclr');

    await page.getByTestId('method').selectOption('moco');
    await expect(page).toHaveURL(/method=moco/);
    await page.getByTestId('queue-size').selectOption('32');
    await expect(page).toHaveURL(/k=32/);
    await waitForReady(page);
    await expect(page.getByTestId('moco-queue-panel')).toHaveAttribute('data-capacity', '32');
    await page.getByTestId('play').click();
    await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(3);
    await page.getByTestId('pause').click();
    await expect(page.getByTestId('play')).toBeVisible();
    // N = 8 keys per step enter the ring (the pointer wraps every 4 steps at K = 32)
    await expect(page.getByTestId('moco-queue-panel')).not.toHaveAttribute('data-fill', '0.000');
    await expect(page.locator('[data-panel="loss"]')).toHaveAttribute(
      'data-reference',
      /log\(K\+1\) = 3\.50/,
    );
    expect((await canvasSignature(page, 'moco-queue-ring')).inked).toBeGreaterThan(0.1);
    // the readout under the matrix says what MoCo trains: InfoNCE over the queue
    await expect(page.getByTestId('batch-loss')).toContainText('InfoNCE');
    await expect(page.getByTestId('batch-loss')).toContainText('K = 32');
    // the matrix still shows every view's cosine similarity
    await expect(page.getByTestId('similarity-matrix')).toHaveAttribute('data-views', '16');
    await screenshot(page, 'family-moco');

    await page.getByTestId('method').selectOption('simsiam');
    await waitForReady(page);
    await expect(page.getByTestId('moco-queue-panel')).toHaveCount(0);
    await expect(page.getByTestId('temperature')).toHaveCount(0);
    await expect(page.getByTestId('stop-gradient')).toBeChecked();
    await expect(page.getByTestId('non-contrastive-note')).toBeVisible();
    await expect(page.locator('[data-panel="loss"]')).toHaveAttribute('data-reference', '−1');
    const matrixBefore = await canvasSignature(page, 'similarity-matrix');
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('2');
    // no τ in SimSiam's loss: the readout is the mean positive cosine, not NT-Xent
    await expect(page.getByTestId('batch-loss')).toContainText('Mean cos of positive pairs');
    await expect(page.getByTestId('batch-loss')).not.toContainText('NT-Xent');
    const matrixAfter = await canvasSignature(page, 'similarity-matrix');
    expect(matrixAfter.hash).not.toBe(matrixBefore.hash);
    // the loss chart has SimSiam's negative-cosine values: between −1 and 1
    const loss = Number(
      await page
        .getByTestId('loss-value')
        .textContent()
        .catch(() => 'NaN'),
    );
    if (Number.isFinite(loss)) expect(Math.abs(loss)).toBeLessThanOrEqual(1.0001);
    await page.getByTestId('stop-gradient').uncheck();
    await expect(page.locator('[data-panel="loss"] .chart-legend').first()).toContainText(
      'without stop-gradient',
    );

    await page.getByTestId('method').selectOption('byol');
    await waitForReady(page);
    await expect(page.getByTestId('momentum')).toBeVisible();
    await expect(page.locator('[data-panel="loss"]')).toHaveAttribute('data-reference', '0');
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('1');
    await screenshot(page, 'family-byol');
  });

  test('Export → PyTorch script downloads a script that runs (where torch exists)', async ({
    page,
  }) => {
    const output = await exportAndRun(
      page,
      '/?backend=wasm&n=8&method=simsiam&size=16',
      'contrastive-simsiam-seed1.py',
      5,
    );
    expect(output).toMatch(/^method simsiam {2}N 8 {2}views 16px/m);
    const losses = [...output.matchAll(/^step \d+ loss (\S+) top1/gm)].map((m) => Number(m[1]));
    expect(losses).toHaveLength(5);
    for (const loss of losses) expect(Number.isFinite(loss)).toBe(true);
    expect(output).toMatch(/RESULT .*"knn": 0\.\d+/);
  });

  test('Blind-SR: Export → PyTorch script downloads stage 1 + 2 and runs (where torch exists)', async ({
    page,
  }) => {
    const output = await exportAndRun(page, '/?backend=wasm&lab=blindsr', 'blindsr-x2-seed1.py', 3);
    expect(output).toMatch(/^Blind-SR dasr x2 {2}isotropic/m);
    const stage1 = [...output.matchAll(/^stage 1 step [1-9]\d* loss (\S+) rho (\S+)/gm)];
    expect(stage1).toHaveLength(3);
    for (const [, loss] of stage1) expect(Number.isFinite(Number(loss))).toBe(true);
    expect(output).toMatch(/RESULT .*"psnr_learned": \d+\.\d+/);
  });

  test('Blind-SR LightBSR: Export → PyTorch script downloads the three stages and runs (where torch exists)', async ({
    page,
  }) => {
    const output = await exportAndRun(
      page,
      '/?backend=wasm&lab=blindsr&pipeline=lightbsr',
      'blindsr-lightbsr-x2-seed1.py',
      5,
      (script) => {
        expect(script).toContain('"pipeline":"lightbsr"');
        for (const part of ['class KernelPrior', 'def distillation_terms', 'blindsr_lightbsr.py'])
          expect(script).toContain(part);
      },
    );
    expect(output).toMatch(/^Blind-SR lightbsr x2 {2}isotropic/m);
    const stage1 = [...output.matchAll(/^stage 1 step [1-9]\d* loss (\S+) rho_teacher (\S+)/gm)];
    expect(stage1).toHaveLength(5);
    const stage2 = [...output.matchAll(/^stage 2 step [1-9]\d* distill (\S+) kl/gm)];
    expect(stage2).toHaveLength(5);
    for (const [, loss] of [...stage1, ...stage2]) expect(Number.isFinite(Number(loss))).toBe(true);
    expect(output).toMatch(/^teacher \|rho\| [\d.]+ {2}student \|rho\| [\d.]+/m);
    expect(output).toMatch(/RESULT .*"psnr_student": \d+\.\d+/);
  });
});

/**
 * Opens the link, downloads Export → PyTorch script (checking its name) and runs it for
 * `steps` steps on the CPU (checkScript sees its text first, torch or not); skips (with the reason) where torch does not import.
 * → the script's output, after checking it exited cleanly.
 */
async function exportAndRun(
  page: Page,
  link: string,
  fileName: string,
  steps: number,
  checkScript: (script: string) => void = () => {},
) {
  await page.goto(link);
  await waitForReady(page);
  await page.getByTestId('export-menu').click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-pytorch').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(fileName);
  const path = test.info().outputPath(fileName);
  await download.saveAs(path);
  checkScript(readFileSync(path, 'utf8'));
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  test.skip(probe.status !== 0, `no torch at ${python}: the script is not run`);
  const run = spawnSync(
    python,
    [path, '--steps', String(steps), '--threads', '1', '--device', 'cpu', '--log-every', '1'],
    { encoding: 'utf8', timeout: 240_000 },
  );
  const output = `${run.stdout}${run.stderr}`;
  expect(run.status, output).toBe(0);
  return output;
}
