import { chartColors } from './chart-style';

/** Geometry of the queue ring: entry i of K sits at angle 2πi/K, clockwise from the top. */
export function entryAngle(index: number, capacity: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / capacity;
}

/**
 * A queue of K entries as two concentric bands on a square canvas of side `size` — the
 * outer band and the inner band coloured per entry — and the write pointer as an arrow.
 * Shared by Blind-SR's queue (σ and weight) and MoCo's (class and age).
 */
export function drawQueueRing(
  context: CanvasRenderingContext2D,
  size: number,
  capacity: number,
  pointer: number,
  bands: { outer: [number, number]; inner: [number, number] },
  outerColour: (entry: number) => string,
  innerColour: (entry: number) => string,
): void {
  context.clearRect(0, 0, size, size);
  const centre = size / 2;
  const span = (2 * Math.PI) / capacity;
  const band = ([inner, outer]: [number, number], start: number, end: number, fill: string) => {
    context.beginPath();
    context.arc(centre, centre, outer, start, end);
    context.arc(centre, centre, inner, end, start, true);
    context.fillStyle = fill;
    context.fill();
  };
  for (let i = 0; i < capacity; i++) {
    const start = entryAngle(i, capacity) - span / 2;
    const end = start + span * 1.02;
    band(bands.outer, start, end, outerColour(i));
    band(bands.inner, start, end, innerColour(i));
  }
  const angle = entryAngle(pointer, capacity);
  const at = (radius: number): [number, number] => [
    centre + Math.cos(angle) * radius,
    centre + Math.sin(angle) * radius,
  ];
  context.strokeStyle = chartColors.accent;
  context.fillStyle = chartColors.accent;
  context.lineWidth = 3;
  context.beginPath();
  context.moveTo(...at(60));
  context.lineTo(...at(146));
  context.stroke();
  context.beginPath();
  context.arc(...at(146), 5, 0, 2 * Math.PI);
  context.fill();
}
