import type React from 'react';
import { positiveOf } from '../../core/simclr/similarity';
import { setView } from '../../state/store';
import { hitCell } from './heatmap';

type Cell = { row: number; column: number };

const moves: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * What the matrix canvas does with the pointer and the keyboard: hover highlights a cell,
 * a click selects its row (that anchor's softmax); focused, the arrows move the highlighted
 * cell, Enter or Space selects its row, Escape clears the selection. `pixels`: the canvas side.
 */
export function matrixHandlers(
  pixels: number,
  viewCount: number,
  selectedRow: number | null,
  hoveredCell: Cell | null,
) {
  const cellFromEvent = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const scale = pixels / rect.width;
    return hitCell(
      (event.clientX - rect.left) * scale,
      (event.clientY - rect.top) * scale,
      pixels,
      viewCount,
    );
  };
  // the keyboard starts on the selected row's positive (the first row's when none is)
  const startCell = (): Cell => ({
    row: selectedRow ?? 0,
    column: positiveOf(selectedRow ?? 0, viewCount),
  });
  return {
    onKeyDown(event: React.KeyboardEvent<HTMLCanvasElement>) {
      if (viewCount === 0) return;
      const current = hoveredCell ?? startCell();
      const clamp = (v: number) => Math.max(0, Math.min(viewCount - 1, v));
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        setView({
          hoveredCell: {
            row: clamp(current.row + move[0]),
            column: clamp(current.column + move[1]),
          },
        });
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        setView({ selectedRow: current.row, hoveredCell: current });
      } else if (event.key === 'Escape') {
        setView({ selectedRow: null });
      }
    },
    onFocus() {
      if (!hoveredCell && viewCount > 0) setView({ hoveredCell: startCell() });
    },
    onMouseMove(event: React.MouseEvent<HTMLCanvasElement>) {
      setView({ hoveredCell: cellFromEvent(event) });
    },
    onMouseLeave() {
      setView({ hoveredCell: null });
    },
    onClick(event: React.MouseEvent<HTMLCanvasElement>) {
      const cell = cellFromEvent(event);
      if (cell) setView({ selectedRow: cell.row });
    },
  };
}
