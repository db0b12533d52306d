import { defaultSimclrConfig, type SimclrConfig, type SimclrMethod } from './config';

/**
 * Each method's recommended settings, applied on top of the lab's when the method is
 * switched (chosen with bench/reference/simclr_mirror.py; the runs: docs/RESULTS.md).
 * SimSiam and BYOL need N 32: their BN-normalised projector and predictor then see 64
 * rows, and SimSiam learns on every seed tried. BYOL's target moves faster for a run of a
 * few hundred steps: m 0.9 (0.99 suits long runs).
 */
export const methodDefaults: Record<SimclrMethod, Partial<SimclrConfig>> = {
  simclr: {},
  moco: {},
  simsiam: { batchSize: 32 },
  byol: { batchSize: 32, momentum: 0.9 },
};

/**
 * The settings switching from `current.method` to `method` changes: each setting some
 * method recommends moves to the new method's value (or the lab's default), unless the
 * user had changed it from what the current method recommends.
 */
export function recommendedSettings(
  current: SimclrConfig,
  method: SimclrMethod,
): Partial<SimclrConfig> {
  const recommended = (m: SimclrMethod, key: keyof SimclrConfig) =>
    methodDefaults[m][key] ?? defaultSimclrConfig[key];
  const touched = new Set(
    Object.values(methodDefaults).flatMap((d) => Object.keys(d) as (keyof SimclrConfig)[]),
  );
  const settings: Partial<Record<keyof SimclrConfig, unknown>> = {};
  for (const key of touched)
    if (current[key] === recommended(current.method, key)) settings[key] = recommended(method, key);
  return settings as Partial<SimclrConfig>;
}
