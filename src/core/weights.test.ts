import { describe, expect, it } from 'vitest';
import { checkWeightsFile, decodeFloats, encodeFloats } from './weights';

/** The bit patterns of float32 values: NaN, −0 and ±∞ compared exactly. */
const bits = (values: Float32Array) => Array.from(new Uint32Array(values.slice().buffer));

describe('weights encoding (float32 ↔ base64)', () => {
  it('round-trips every kind of float32 bit for bit', () => {
    const values = Float32Array.from([
      0,
      -0,
      1,
      -1.5,
      Math.PI,
      1e-45, // the smallest subnormal
      3.4028234663852886e38, // the largest finite float32
      Infinity,
      -Infinity,
      NaN,
    ]);
    const back = decodeFloats(encodeFloats(values));
    expect(back.length).toBe(values.length);
    expect(bits(back)).toEqual(bits(values));
  });

  it('round-trips a long array (encoded in chunks) and an empty one', () => {
    const long = Float32Array.from({ length: 20_000 }, (_, i) => Math.sin(i) * 1e3);
    expect(bits(decodeFloats(encodeFloats(long)))).toEqual(bits(long));
    expect(encodeFloats(new Float32Array(0))).toBe('');
    expect(decodeFloats('').length).toBe(0);
  });

  it('encodes only the view it is given, not the whole buffer under it', () => {
    const whole = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const view = whole.subarray(2, 4);
    expect(Array.from(decodeFloats(encodeFloats(view)))).toEqual([3, 4]);
  });

  it('throws on text that is not base64 or not whole float32s', () => {
    expect(() => decodeFloats('not base64!')).toThrow();
    // 6 bytes: one and a half floats
    expect(() => decodeFloats(btoa('abcdef'))).toThrow(RangeError);
  });
});

describe('checkWeightsFile', () => {
  const file = (tensors: { shape: number[]; data: string }[], extra: object = {}) => ({
    format: 'contrastive-playground-weights',
    version: 1,
    lab: 'blindsr',
    tensors,
    ...extra,
  });
  const shapes = [[3, 3, 3, 8], [8]];
  const tensors = shapes.map((shape) => ({
    shape,
    data: encodeFloats(new Float32Array(shape.reduce((a, b) => a * b, 1))),
  }));

  it('accepts a file of this lab with every shape in order', () => {
    expect(checkWeightsFile(file(tensors), 'blindsr', shapes)).toBeNull();
  });

  it('names what is wrong with a file that does not fit', () => {
    expect(checkWeightsFile(null, 'blindsr', shapes)).toBe('not a weights file of this playground');
    expect(checkWeightsFile('text', 'blindsr', shapes)).toBe(
      'not a weights file of this playground',
    );
    expect(checkWeightsFile(file(tensors, { version: 2 }), 'blindsr', shapes)).toBe(
      'not a weights file of this playground',
    );
    expect(checkWeightsFile(file(tensors), 'simclr', shapes)).toBe(
      'weights of the blindsr lab, not simclr',
    );
    expect(checkWeightsFile(file(tensors.slice(1)), 'blindsr', shapes)).toBe(
      'expected 2 tensors, found 1',
    );
    expect(checkWeightsFile(file(tensors, { tensors: 'many' }), 'blindsr', shapes)).toContain(
      'expected 2 tensors',
    );
    expect(checkWeightsFile(file([...tensors].reverse()), 'blindsr', shapes)).toBe(
      'tensor 0 has shape [8], expected [3,3,3,8]',
    );
  });

  it('rejects tensor data that is not base64 or not as long as its shape', () => {
    const withData = (data: string) => file([tensors[0], { shape: [8], data }]);
    // right shapes, one float short / one float over
    expect(checkWeightsFile(withData(encodeFloats(new Float32Array(7))), 'blindsr', shapes)).toBe(
      'tensor 1 holds 7 values, its shape [8] needs 8',
    );
    expect(checkWeightsFile(withData(encodeFloats(new Float32Array(9))), 'blindsr', shapes)).toBe(
      'tensor 1 holds 9 values, its shape [8] needs 8',
    );
    // not base64, not whole float32s, not text
    expect(checkWeightsFile(withData('not base64!'), 'blindsr', shapes)).toBe(
      'tensor 1 data is not base64',
    );
    expect(checkWeightsFile(withData(btoa('abcdef')), 'blindsr', shapes)).toBe(
      'tensor 1 holds 1.5 values, its shape [8] needs 8',
    );
    // a file is parsed JSON: the data may be any JSON value
    const numberData = JSON.parse('{ "shape": [8], "data": 42 }') as {
      shape: number[];
      data: string;
    };
    expect(checkWeightsFile(file([tensors[0], numberData]), 'blindsr', shapes)).toBe(
      'tensor 1 data is not base64',
    );
  });
});
