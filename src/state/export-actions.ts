import { historyToCsv } from './export-format';
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

/** A panel as PNG: its canvas if it has one, otherwise its first chart (SVG rasterised). */
export async function exportPanelPng(panel: string): Promise<void> {
  const root = document.querySelector(`[data-panel="${panel}"]`);
  if (!root) return;
  const canvas = root.querySelector('canvas');
  let source: HTMLCanvasElement;
  if (canvas && canvas.width > 1) {
    source = canvas;
  } else {
    const svg = root.querySelector('svg.line-chart') ?? root.querySelector('svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.setAttribute('width', String(Math.round(box.width)));
    clone.setAttribute('height', String(Math.round(box.height)));
    const image = new Image();
    image.src = URL.createObjectURL(
      new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }),
    );
    await image.decode();
    source = document.createElement('canvas');
    source.width = Math.round(box.width * 2);
    source.height = Math.round(box.height * 2);
    const context = source.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, source.width, source.height);
    context.drawImage(image, 0, 0, source.width, source.height);
    URL.revokeObjectURL(image.src);
  }
  const blob = await new Promise<Blob | null>((resolve) => source.toBlob(resolve, 'image/png'));
  if (blob) download(`${panel}-${stamp()}.png`, blob);
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
