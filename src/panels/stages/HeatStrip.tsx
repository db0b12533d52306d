import { interpolateRdBu } from 'd3';
import { useEffect, useRef } from 'react';
import { lookupIndex, viridisTable } from '../common/colors';

/**
 * One row per view, one column per dimension: h (viridis, ≥ 0 after ReLU and pooling) or
 * normalised z (diverging, blue < 0 < red). values: [rows, columns]
 */
export function HeatStrip({
  values,
  rows,
  columns,
  diverging,
  label,
  testId,
}: {
  values: Float32Array;
  rows: number;
  columns: number;
  diverging: boolean;
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    let peak = 0;
    for (const v of values) peak = Math.max(peak, Math.abs(v));
    peak = peak || 1;
    const rgba = new Uint8ClampedArray(rows * columns * 4);
    for (let i = 0; i < rows * columns; i++) {
      if (diverging) {
        const colour = interpolateRdBu(0.5 - values[i] / (2 * peak));
        const [r, g, b] = colour.match(/\d+/g)!.map(Number);
        rgba.set([r, g, b, 255], i * 4);
      } else {
        const k = lookupIndex(values[i], 0, peak) * 3;
        rgba.set([viridisTable[k], viridisTable[k + 1], viridisTable[k + 2], 255], i * 4);
      }
    }
    context.putImageData(new ImageData(rgba, columns, rows), 0, 0);
  }, [values, rows, columns, diverging]);
  return (
    <div className="heat-strip-wrap">
      <span className="heat-strip-rows" aria-hidden="true">
        <span>a</span>
        <span>b</span>
      </span>
      <canvas
        ref={ref}
        width={columns}
        height={rows}
        className="heat-strip"
        data-testid={testId}
        role="img"
        aria-label={label}
        style={{ aspectRatio: `${columns} / ${Math.max(rows, columns / 8)}` }}
      />
    </div>
  );
}
