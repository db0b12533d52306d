import { describe, expect, it } from 'vitest';
import { dodgeLabels } from './dodge-labels';

describe("pinned runs' labels at the end of their lines", () => {
  it('move apart by at least 13 px, inside the plot, keeping their order', () => {
    const ys = dodgeLabels([50, 52, 120, NaN, 49], 10, 140);
    expect(ys[3]).toBeNaN();
    const placed = [ys[4]!, ys[0]!, ys[1]!].sort((a, b) => a - b);
    expect(placed[1]! - placed[0]!).toBeGreaterThanOrEqual(13);
    expect(placed[2]! - placed[1]!).toBeGreaterThanOrEqual(13);
    expect(ys[4]).toBeLessThan(ys[0]!);
    expect(ys[2]).toBe(120);
    // crowded at the bottom: pushed up, not below the axis
    const low = dodgeLabels([139, 139, 139], 10, 140);
    expect(Math.max(...low)).toBeLessThanOrEqual(140);
    expect(Math.min(...low)).toBe(140 - 26);
  });
});
