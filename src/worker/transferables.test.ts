import { describe, expect, it } from 'vitest';
import { transferables } from './transferables';

describe('transferables: the buffers a snapshot hands over', () => {
  it('whole buffers once each; not a view into a larger one, nor one another array views', () => {
    const a = new Float32Array(4);
    const b = new Int32Array(2);
    const big = new Float32Array(10);
    const part = big.subarray(2, 5);
    const whole = new Float32Array(6);
    const viewOfWhole = new Uint8Array(whole.buffer, 4, 8);
    const empty = new Float32Array(0);
    const list = transferables([a, b, a, part, whole, viewOfWhole, empty]);
    expect(list).toEqual([a.buffer, b.buffer]);
    // what it lists can really be transferred together, the rest still cloned
    const sent = structuredClone({ a, b, part, whole }, { transfer: list });
    expect(a.length).toBe(0);
    expect(sent.part.length).toBe(3);
    expect(whole.length).toBe(6);
  });

  it('leaves out shared memory', () => {
    const shared = new Float32Array(new SharedArrayBuffer(16));
    expect(transferables([shared])).toEqual([]);
  });
});
