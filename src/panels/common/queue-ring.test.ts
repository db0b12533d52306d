import { describe, expect, it } from 'vitest';
import { ringGeometry } from './queue-ring';

describe('the queue ring’s pixels', () => {
  const bands = { outer: [112, 140] as [number, number], inner: [84, 106] as [number, number] };
  const size = 300;

  function at(ring: ReturnType<typeof ringGeometry>, x: number, y: number) {
    const k = Array.from(ring.pixel).indexOf(y * size + x);
    return k < 0 ? null : { entry: ring.entry[k], band: ring.band[k], alpha: ring.alpha[k] };
  }

  it('entry i at angle 2πi/K clockwise from the top, in the band its radius falls in', () => {
    const ring = ringGeometry(size, 4, bands);
    // pixel centres at radius 125.5 (outer) and 95.5 (inner) straight from the centre (150, 150)
    expect(at(ring, 150, 24)).toEqual({ entry: 0, band: 0, alpha: 255 }); // up
    expect(at(ring, 275, 150)).toEqual({ entry: 1, band: 0, alpha: 255 }); // right
    expect(at(ring, 150, 275)).toEqual({ entry: 2, band: 0, alpha: 255 }); // down
    expect(at(ring, 24, 150)).toEqual({ entry: 3, band: 0, alpha: 255 }); // left
    expect(at(ring, 245, 150)).toEqual({ entry: 1, band: 1, alpha: 255 });
    expect(at(ring, 150, 150)).toBeNull(); // the centre: no band
    expect(at(ring, 150, 40)).toBeNull(); // between the bands (radius 109.5)
  });

  it('full inside a band, partly within half a pixel of its edges; every entry of 512 shows', () => {
    const ring = ringGeometry(size, 512, bands);
    for (let k = 0; k < ring.pixel.length; k++) {
      const x = (ring.pixel[k] % size) + 0.5 - size / 2;
      const y = Math.floor(ring.pixel[k] / size) + 0.5 - size / 2;
      const r = Math.hypot(x, y);
      const [inner, outer] = ring.band[k] === 0 ? bands.outer : bands.inner;
      expect(r).toBeGreaterThan(inner - 0.5);
      expect(r).toBeLessThan(outer + 0.5);
      if (r >= inner + 0.5 && r <= outer - 0.5) expect(ring.alpha[k]).toBe(255);
      if (r < inner + 0.49 || r > outer - 0.49) expect(ring.alpha[k]).toBeLessThan(255);
      expect(ring.alpha[k]).toBeGreaterThan(0);
    }
    expect(new Set(Array.from(ring.entry)).size).toBe(512);
    // cached: the same object for the same geometry, a new one for another
    expect(ringGeometry(size, 512, bands)).toBe(ring);
    expect(ringGeometry(size, 256, bands)).not.toBe(ring);
  });
});
