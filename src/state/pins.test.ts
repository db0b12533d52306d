import { describe, expect, it } from 'vitest';
import { defaultAppConfig, type AppConfig } from './config';
import { historyToCsv } from './export-format';
import { emptyHistory } from './history';
import { differenceLabel, pinSettingsOf, settingsDifferences } from './pin-label';
import { freeStyle, pinFromHistory, readPinnedRuns, type PinnedRun } from './pin-model';
import { parseSessionFile, sessionFile } from './pin-session';
import { loadStoredPins, pinStorageKey, storePins, type PinStorage } from './pin-storage';

const withSimclr = (change: Partial<AppConfig['simclr']>, app: Partial<AppConfig> = {}) => ({
  ...defaultAppConfig,
  ...app,
  simclr: { ...defaultAppConfig.simclr, ...change },
});

const history = {
  ...emptyHistory,
  loss: [
    { step: 1, value: 2.7 },
    { step: 2, value: 2.5 },
  ],
  knn: [{ step: 2, value: 0.4 }],
  // Blind-SR's: not kept by a SimCLR pin
  spearman: [{ step: 2, value: 0.9 }],
};

const pinAt = (tau: number, style = 0): PinnedRun =>
  pinFromHistory(`pin-${tau}`, style, pinSettingsOf(withSimclr({ temperature: tau })), history);

describe('the label of a pinned run: what differs from the live settings', () => {
  it('names the one changed setting by its short label', () => {
    const pinned = pinSettingsOf(withSimclr({ temperature: 0.5 }));
    expect(differenceLabel('en', pinned, withSimclr({ temperature: 0.1 }))).toBe('τ 0.5');
    expect(differenceLabel('zh', pinned, withSimclr({ temperature: 0.1 }))).toBe('τ 0.5');
  });

  it('joins several in the schema order, flags as phrases', () => {
    const pinned = pinSettingsOf(withSimclr({ batchSize: 64, noNegatives: true }));
    expect(differenceLabel('en', pinned, withSimclr({}))).toBe('N 64, no negatives');
    expect(differenceLabel('zh', pinned, withSimclr({}))).toBe('N 64, 无负样本');
    const live = pinSettingsOf(withSimclr({}));
    expect(differenceLabel('en', live, withSimclr({ noNegatives: true }))).toBe('with negatives');
  });

  it('names a method, and leaves out settings the pinned method has not', () => {
    const moco = pinSettingsOf(withSimclr({ method: 'moco', queueSize: 64 }));
    expect(differenceLabel('en', moco, withSimclr({}))).toBe('MoCo v2, K 64');
    // K differs, but SimCLR has no queue: it says nothing about the pinned run
    const simclr = pinSettingsOf(withSimclr({ queueSize: 64 }));
    expect(settingsDifferences(simclr, withSimclr({ method: 'byol' })).map((d) => d.path)).toEqual([
      'method',
    ]);
  });

  it('names the images, the learning rate in its slider format, and "same settings"', () => {
    const photos = pinSettingsOf(withSimclr({ learningRate: 0.001 }, { dataset: 'photos' }));
    expect(differenceLabel('en', photos, withSimclr({}))).toBe('lr 1.0e-3, data Photos (crops)');
    expect(differenceLabel('en', pinSettingsOf(withSimclr({})), withSimclr({}))).toBe(
      'same settings',
    );
  });

  it('reads a Blind-SR pin against the live Blind-SR settings', () => {
    const live = { ...defaultAppConfig, lab: 'blindsr' as const };
    const pinned = pinSettingsOf({
      ...live,
      blindsr: { ...live.blindsr, temperature: 0.5, weighting: !live.blindsr.weighting },
    });
    expect(differenceLabel('en', pinned, live)).toMatch(/^τ 0.5, (un)?weighted negatives$/);
  });
});

describe('a pinned run', () => {
  it("keeps its lab's curves and the last step", () => {
    const pin = pinAt(0.5);
    expect(Object.keys(pin.series).sort()).toEqual(['knn', 'loss']);
    expect(pin.steps).toBe(2);
    expect(pin.settings.lab).toBe('simclr');
  });

  it('takes the first style no other pin uses', () => {
    expect(freeStyle([pinAt(0.5, 0), pinAt(0.1, 2)])).toBe(1);
    expect(freeStyle([])).toBe(0);
  });
});

describe('pinned runs in storage', () => {
  const memory = (): PinStorage & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (key) => data.get(key) ?? null,
      setItem: (key, value) => void data.set(key, value),
      removeItem: (key) => void data.delete(key),
    };
  };

  it('round-trip: what is stored comes back equal', () => {
    const storage = memory();
    const pins = [pinAt(0.5, 0), { ...pinAt(0.1, 1), name: 'cold', hidden: true }];
    expect(storePins(pins, storage)).toBe(true);
    expect(loadStoredPins(storage)).toEqual({ pins, persistent: true });
    expect(storePins([], storage)).toBe(true);
    expect(storage.data.has(pinStorageKey)).toBe(false);
  });

  it('a refusing storage keeps them in memory and says so; a corrupt entry is dropped', () => {
    const refusing: PinStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(storePins([pinAt(0.5)], refusing)).toBe(false);
    expect(loadStoredPins(null)).toEqual({ pins: [], persistent: false });
    const corrupt = memory();
    corrupt.setItem(pinStorageKey, '{not json');
    expect(loadStoredPins(corrupt)).toEqual({ pins: [], persistent: true });
  });
});

describe('the session file', () => {
  const live = pinSettingsOf(withSimclr({ temperature: 0.1 }));
  const text = (value: unknown) => JSON.stringify(value);

  it('round-trips its pinned runs and lab', () => {
    const pins = [pinAt(0.5, 0), pinAt(0.05, 1)];
    const parsed = parseSessionFile(text(sessionFile('simclr', live, pins)));
    expect(parsed).toEqual({ ok: true, lab: 'simclr', pins });
  });

  it('says what is wrong with a bad file', () => {
    const problem = (input: string) => {
      const parsed = parseSessionFile(input);
      return parsed.ok ? null : parsed.problem;
    };
    expect(problem('{oops')?.key).toBe('pins.error.json');
    expect(problem(text({ format: 'contrastive-playground-weights' }))?.key).toBe(
      'pins.error.format',
    );
    const good = sessionFile('simclr', live, [pinAt(0.5)]);
    expect(problem(text({ ...good, version: 7 }))).toEqual({
      key: 'pins.error.version',
      params: { version: '7' },
    });
    expect(problem(text({ ...good, pins: 'none' }))?.key).toBe('pins.error.noPins');
    const badCurve = { ...pinAt(0.5), series: { loss: [{ step: 'one', value: 2 }] } };
    expect(problem(text({ ...good, pins: [pinAt(0.1), badCurve] }))).toEqual({
      key: 'pins.error.pinSeries',
      params: { index: 2 },
    });
    const otherLab = { ...pinAt(0.5), settings: { lab: 'gan' } };
    expect(problem(text({ ...good, pins: [otherLab] }))?.key).toBe('pins.error.pinLab');
  });

  it('takes settings through the schema, four pins at most, each with its own style', () => {
    const wild = {
      ...pinAt(0.5),
      settings: { ...pinAt(0.5).settings, simclr: { temperature: 99 } },
    };
    const many = [wild, pinAt(0.1), pinAt(0.2), pinAt(0.3), pinAt(0.4)];
    const pins = readPinnedRuns(many);
    if (!Array.isArray(pins)) throw new Error(pins.key);
    expect(pins).toHaveLength(4);
    // τ is clamped to the schema's maximum, the rest are the defaults
    expect(pins[0]!.settings.lab === 'simclr' && pins[0]!.settings.simclr.temperature).toBe(2);
    expect(new Set(pins.map((p) => p.style)).size).toBe(4);
    expect(new Set(pins.map((p) => p.id)).size).toBe(4);
  });
});

describe('the CSV with pinned runs', () => {
  it('adds a run column naming each run, quoting labels with commas', () => {
    const csv = historyToCsv({ ...emptyHistory, loss: [{ step: 1, value: 2.5 }] }, [
      { label: 'τ 0.5', series: { loss: [{ step: 1, value: 2.9 }] } },
      { label: 'N 64, no negatives', series: { knn: [{ step: 25, value: 0.3 }] } },
    ]);
    expect(csv).toBe(
      'series,step,value,run\nloss,1,2.5,live\nloss,1,2.9,τ 0.5\nknn,25,0.3,"N 64, no negatives"\n',
    );
  });

  it('without pinned runs, the three columns as before', () => {
    expect(historyToCsv({ ...emptyHistory, loss: [{ step: 1, value: 2.5 }] })).toBe(
      'series,step,value\nloss,1,2.5\n',
    );
  });
});
