import { describe, expect, it } from 'vitest';
import { drawScatter, toScreen, type Marker } from './draw-scatter';

describe('toScreen', () => {
  it('fits the points inside the padding, y up', () => {
    const screen = toScreen(new Float32Array([-1, -1, 1, 1]), 100, 10);
    // fitDomain pads the span by 5 % each side: ±1 → ±1.1 over [10, 90]
    expect(screen[0]).toBeCloseTo(10 + (80 * 0.1) / 2.2);
    expect(screen[1]).toBeCloseTo(90 - (80 * 0.1) / 2.2);
    expect(screen[2]).toBeCloseTo(90 - (80 * 0.1) / 2.2);
    expect(screen[3]).toBeCloseTo(10 + (80 * 0.1) / 2.2);
  });

  it('keeps a collapsed cloud small against the minimum half-width', () => {
    const screen = toScreen(new Float32Array([0, 0, 0.01, 0.01]), 100, 0, 1);
    expect(Math.abs(screen[2] - screen[0])).toBeLessThan(1);
  });
});

describe('drawScatter', () => {
  it('draws each point with its own marker, in order, and leaves the alpha at 1', () => {
    const calls: string[] = [];
    const context = new Proxy({ globalAlpha: 1 } as Record<string, unknown>, {
      get: (target, key: string) =>
        key in target
          ? target[key]
          : (...args: number[]) => calls.push(`${key}(${args.join(',')})`),
      set: (target, key: string, value) => {
        target[key] = value;
        calls.push(`${key}=${value}`);
        return true;
      },
    }) as unknown as CanvasRenderingContext2D;
    const markers: Marker[] = [
      { shape: 'circle', radius: 3, fill: 'red', fillAlpha: 0.8, stroke: null, lineWidth: 1 },
      { shape: 'square', radius: 2, fill: null, fillAlpha: 1, stroke: 'blue', lineWidth: 1.5 },
    ];
    drawScatter(context, 50, new Float32Array([10, 20, 30, 40]), (i) => markers[i]);
    expect(calls).toEqual([
      'clearRect(0,0,50,50)',
      'beginPath()',
      `arc(10,20,3,0,${2 * Math.PI})`,
      'globalAlpha=0.8',
      'fillStyle=red',
      'fill()',
      'beginPath()',
      'rect(28,38,4,4)',
      'globalAlpha=1',
      'strokeStyle=blue',
      'lineWidth=1.5',
      'stroke()',
      'globalAlpha=1',
    ]);
  });
});
