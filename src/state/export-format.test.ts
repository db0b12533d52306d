import { describe, expect, it } from 'vitest';
import { checkWeightsFile, decodeFloats, encodeFloats } from '../core/weights';
import { historyToCsv } from './export-format';
import { emptyHistory } from './history';

describe('export formats', () => {
  it('writes the history as CSV', () => {
    const csv = historyToCsv({
      ...emptyHistory,
      loss: [{ step: 1, value: 2.5 }],
      knn: [{ step: 25, value: 0.4 }],
    });
    expect(csv).toBe('series,step,value\nloss,1,2.5\nknn,25,0.4\n');
  });

  it('round-trips floats through base64', () => {
    const values = Float32Array.from([0, -1.5, 3.25, 1e-7, NaN]);
    const back = decodeFloats(encodeFloats(values));
    expect(Array.from(back.slice(0, 4))).toEqual(Array.from(values.slice(0, 4)));
    expect(Number.isNaN(back[4])).toBe(true);
  });

  it('rejects weights that do not fit', () => {
    const file = {
      format: 'contrastive-playground-weights',
      version: 1,
      lab: 'simclr',
      tensors: [{ shape: [2, 3], data: encodeFloats(new Float32Array(6)) }],
    };
    expect(checkWeightsFile(file, 'simclr', [[2, 3]])).toBeNull();
    expect(checkWeightsFile(file, 'simclr', [[3, 3]])).toContain('shape');
    expect(checkWeightsFile(file, 'blindsr', [[2, 3]])).toContain('simclr lab');
    expect(checkWeightsFile({ hello: 1 }, 'simclr', [])).toContain('not a weights file');
  });
});
