import { historyToCsv } from './export-format';
import { renderToCanvas, renderToSvg } from './figure-export';
import { useStore } from './store';

/** Saves a blob through a temporary link: nothing leaves the browser but the user's download. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

async function saveCanvas(canvas: HTMLCanvasElement, name: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) download(`${name}-${stamp()}.png`, blob);
}

/** Pixel density of a figure: at least 2×, more on a denser screen. */
const density = () => Math.max(2, Math.ceil(window.devicePixelRatio || 1));

/** A panel as a PNG figure: the panel as shown (title, axes, legend, colour bar, caption). */
export async function exportPanelPng(panel: string): Promise<void> {
  const root = document.querySelector<HTMLElement>(`[data-panel="${panel}"]`);
  if (root) await saveCanvas(await renderToCanvas(root, density()), panel);
}

/** Every panel of the lab as one image, laid out as on screen. */
export async function exportAllPng(): Promise<void> {
  const grid = document.querySelector<HTMLElement>('main .panel-grid');
  const lab = useStore.getState().config.lab;
  if (grid) await saveCanvas(await renderToCanvas(grid, density()), `${lab}-panels`);
}

/** A chart panel as SVG (vector text and lines; any canvas in it embedded as PNG). */
export async function exportPanelSvg(panel: string): Promise<void> {
  const root = document.querySelector<HTMLElement>(`[data-panel="${panel}"]`);
  if (!root) return;
  const markup = await renderToSvg(root);
  download(`${panel}-${stamp()}.svg`, new Blob([markup], { type: 'image/svg+xml' }));
}

export function exportCsv(): void {
  download(
    `metrics-${stamp()}.csv`,
    new Blob([historyToCsv(useStore.getState().history)], { type: 'text/csv' }),
  );
}

export function exportConfig(): void {
  const { config } = useStore.getState();
  download(
    `configuration-${stamp()}.json`,
    new Blob([JSON.stringify(config, null, 2)], { type: 'application/json' }),
  );
}
