import { chartColors } from '../common/chart-style';
import { viridisTable } from '../common/colors';
import { positiveOf } from '../../core/simclr/similarity';
import { paintCells } from './heatmap';

export interface MatrixPicture {
  /** what each cell shows, row-major [V·V]; NaN: masked */
  values: Float32Array;
  /** the colour scale's domain */
  domain: [number, number];
  viewCount: number;
  selectedRow: number | null;
  hoveredCell: { row: number; column: number } | null;
}

/**
 * The similarity matrix on a square canvas of `pixels`: one viridis cell per pair, each
 * row's positive outlined, the split between the batch's first and second views, the
 * selected row and the hovered cell. Clears the canvas first; an empty batch leaves it clear.
 */
export function drawMatrix(
  context: CanvasRenderingContext2D,
  pixels: number,
  { values, domain, viewCount, selectedRow, hoveredCell }: MatrixPicture,
): void {
  context.clearRect(0, 0, pixels, pixels);
  if (viewCount === 0) return;
  const cells = new OffscreenCanvas(viewCount, viewCount);
  cells
    .getContext('2d')
    ?.putImageData(
      new ImageData(paintCells(values, domain, viridisTable), viewCount, viewCount),
      0,
      0,
    );
  context.imageSmoothingEnabled = false;
  context.drawImage(cells, 0, 0, pixels, pixels);
  const cell = pixels / viewCount;
  context.lineWidth = Math.max(1, Math.min(2, cell / 6));
  context.strokeStyle = chartColors.positive;
  for (let row = 0; row < viewCount; row++)
    context.strokeRect(
      positiveOf(row, viewCount) * cell + 0.5,
      row * cell + 0.5,
      cell - 1,
      cell - 1,
    );
  context.strokeStyle = chartColors.viewSplit;
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(pixels / 2, 0);
  context.lineTo(pixels / 2, pixels);
  context.moveTo(0, pixels / 2);
  context.lineTo(pixels, pixels / 2);
  context.stroke();
  if (selectedRow !== null && selectedRow < viewCount) {
    context.strokeStyle = chartColors.selection;
    context.lineWidth = 2;
    context.strokeRect(1, selectedRow * cell + 1, pixels - 2, cell - 2);
  }
  if (hoveredCell) {
    context.strokeStyle = chartColors.hover;
    context.lineWidth = 2;
    context.strokeRect(
      hoveredCell.column * cell + 1,
      hoveredCell.row * cell + 1,
      cell - 2,
      cell - 2,
    );
  }
}
