import { describe, expect, it } from 'vitest';
import { ownImageKeys, sameClassNegatives } from './negatives-readout';

describe('false-negative readouts', () => {
  it("counts the views of other same-class images among an anchor's negatives", () => {
    // images 0..3 of classes a a b c: each view of image 0 or 1 has 2 same-class
    // negatives (both views of the other), views of 2 and 3 none → (4·2 + 4·0) / 8
    const labels = [0, 0, 1, 2, 0];
    expect(sameClassNegatives({ imageIndices: Int32Array.from([0, 1, 2, 3]) }, labels)).toBe(1);
    expect(sameClassNegatives({ imageIndices: Int32Array.from([0, 1, 4]) }, labels)).toBe(4);
    expect(sameClassNegatives({ imageIndices: Int32Array.from([2, 3]) }, labels)).toBe(0);
  });

  it("counts keys of the batch's own images that entered the queue before this step", () => {
    const queue = {
      capacity: 6,
      pointer: 0,
      fillRatio: 1,
      // image 7 twice before step 10 and once at it (its own new key); image 3 once; random
      sources: Int32Array.from([7, 3, 7, 5, -1, 7]),
      enteredAt: Int32Array.from([4, 8, 9, 9, -1, 10]),
    };
    expect(ownImageKeys({ imageIndices: Int32Array.from([7, 3]), queue, step: 10 })).toBe(1.5);
    expect(ownImageKeys({ imageIndices: Int32Array.from([5]), queue, step: 10 })).toBe(1);
    expect(ownImageKeys({ imageIndices: Int32Array.from([5]), queue: null, step: 10 })).toBeNull();
  });
});
