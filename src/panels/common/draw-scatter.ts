import { scaleLinear } from 'd3';
import { fitDomain } from '../embedding/scatter';

/** How one point of a scatter is drawn. */
export interface Marker {
  shape: 'circle' | 'square';
  /** circle radius, or half the square's side */
  radius: number;
  fill: string | null;
  /** opacity of the fill */
  fillAlpha: number;
  stroke: string | null;
  lineWidth: number;
}

/**
 * Data points [P·2] → canvas points [P·2] in a square of `side` pixels, `padding` inside
 * its edges, y up. `minimumHalfWidth`: the view never shrinks below ±that around the origin.
 */
export function toScreen(
  points: Float32Array,
  side: number,
  padding: number,
  minimumHalfWidth = 0,
): Float32Array {
  const domain = fitDomain(points, minimumHalfWidth);
  const x = scaleLinear()
    .domain(domain.x)
    .range([padding, side - padding]);
  const y = scaleLinear()
    .domain(domain.y)
    .range([side - padding, padding]);
  const out = new Float32Array(points.length);
  for (let i = 0; i < out.length; i += 2) {
    out[i] = x(points[i]);
    out[i + 1] = y(points[i + 1]);
  }
  return out;
}

/** Clears the square and draws each canvas point [P·2] with its marker, in order. */
export function drawScatter(
  context: CanvasRenderingContext2D,
  side: number,
  screen: Float32Array,
  markerOf: (index: number) => Marker,
): void {
  context.clearRect(0, 0, side, side);
  for (let i = 0; i < screen.length / 2; i++) {
    const marker = markerOf(i);
    const x = screen[i * 2];
    const y = screen[i * 2 + 1];
    context.beginPath();
    if (marker.shape === 'circle') context.arc(x, y, marker.radius, 0, 2 * Math.PI);
    else context.rect(x - marker.radius, y - marker.radius, 2 * marker.radius, 2 * marker.radius);
    if (marker.fill) {
      context.globalAlpha = marker.fillAlpha;
      context.fillStyle = marker.fill;
      context.fill();
    }
    if (marker.stroke) {
      context.globalAlpha = 1;
      context.strokeStyle = marker.stroke;
      context.lineWidth = marker.lineWidth;
      context.stroke();
    }
  }
  context.globalAlpha = 1;
}
