import { useEffect, useRef } from 'react';
import { useT } from '../../state/useT';
import { viridisTable } from '../common/colors';
import { paintCells } from '../similarity/heatmap';
import { PixelCanvas } from '../../ui/PixelCanvas';

/** A blur kernel as a small heatmap, normalised to its peak. */
export function KernelCanvas({ kernel, size }: { kernel: Float32Array; size: number }) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const rgba = paintCells(kernel, [0, Math.max(...kernel)], viridisTable);
    context.putImageData(new ImageData(rgba, size, size), 0, 0);
  }, [kernel, size]);
  return (
    <canvas
      ref={ref}
      width={size}
      height={size}
      className="thumb kernel"
      aria-label={t('panel.degradation.kernel')}
      role="img"
    />
  );
}

/** An LR image with its patch outlines (red: query, blue: key). */
export function LowWithPatch({
  pixels,
  side,
  patchSize,
  patches,
  first,
}: {
  pixels: Float32Array;
  side: number;
  patchSize: number;
  patches: { x: number; y: number }[];
  first: number;
}) {
  return (
    <div className="view-original">
      <PixelCanvas pixels={pixels} size={side} className="thumb large" label="LR" />
      {patches.map((p, k) => (
        <div
          key={k}
          className={`crop-box patch-${first + k}`}
          style={{
            left: `${(p.x / side) * 100}%`,
            top: `${(p.y / side) * 100}%`,
            width: `${(patchSize / side) * 100}%`,
            height: `${(patchSize / side) * 100}%`,
          }}
        />
      ))}
    </div>
  );
}
