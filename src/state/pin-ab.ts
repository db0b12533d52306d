import { create } from 'zustand';
import { pause, playUntil, reset } from './actions';
import { pinSettingsOf } from './pin-label';
import { pinFromHistory, type PinSettings } from './pin-model';
import { applySettings, replacePinCurves, usePins } from './pins';
import { useStore } from './store';

/**
 * Run A/B: a pinned run (A) is trained again from step 0 on the live seed, then the live
 * settings (B) from step 0 on that seed too, each for as many steps as A had, at full
 * speed, one after the other. A's fresh curve becomes the ghost, and B grows over it in
 * front of the class: the two differ only in the settings that its label names.
 *
 * One after the other rather than alternating steps: the worker trains one model, and a
 * rebuild resets it, so alternating would need a second model in the worker (twice the
 * memory and a trainer of its own) and would halve each run's speed; here each phase runs
 * at the ordinary step rate, and during B the whole of A is already on the chart, so the
 * class reads the gap at every step as B reaches it (times in the A/B status, below).
 */
export interface AbRun {
  pinId: string;
  phase: 'A' | 'B';
  target: number;
  /** ms each finished phase took */
  milliseconds: { A: number | null; B: number | null };
}

export const useAbRun = create<{ ab: AbRun | null; last: AbRun | null }>()(() => ({
  ab: null,
  last: null,
}));

let cancelled = false;

/** Resolves when the live run reaches `target` steps (true), or false when it stops first. */
function trainTo(target: number): Promise<boolean> {
  return new Promise((resolve) => {
    let started = false;
    const check = () => {
      const { run } = useStore.getState();
      if (cancelled || run.error) return finish(false);
      if (run.step >= target) return finish(true);
      if (run.running) started = true;
      // the user paused (or the run was reset under it): the comparison is off
      else if (started) finish(false);
    };
    const unsubscribe = useStore.subscribe(check);
    const finish = (reached: boolean) => {
      unsubscribe();
      void stopped().then(() => resolve(reached));
    };
    // the worker stops at `target` itself and evaluates there: both runs end on the same step
    playUntil(target);
  });
}

/**
 * Pauses and resolves once the worker says it stopped: a step still in flight would
 * otherwise land in the next phase's fresh history.
 */
function stopped(): Promise<void> {
  pause();
  return new Promise((resolve) => {
    const check = () => {
      if (useStore.getState().run.running) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = useStore.subscribe(check);
    check();
  });
}

/** One phase: these settings, from step 0 on `seed`, for `target` steps. */
async function runPhase(settings: PinSettings, target: number): Promise<number | null> {
  applySettings(settings);
  reset();
  const start = performance.now();
  const reached = await trainTo(target);
  return reached ? performance.now() - start : null;
}

const withSeed = (settings: PinSettings, seed: number): PinSettings =>
  settings.lab === 'simclr'
    ? { ...settings, simclr: { ...settings.simclr, seed } }
    : { ...settings, blindsr: { ...settings.blindsr, seed } };

/** Keeps only the points up to `target` (a stop by hand lands a step or two after it). */
const upTo = (target: number) => (points: { step: number; value: number }[]) =>
  points.filter((p) => p.step <= target);

export async function runAb(pinId: string): Promise<void> {
  const pin = usePins.getState().pins.find((p) => p.id === pinId);
  const { config } = useStore.getState();
  if (!pin || pin.settings.lab !== config.lab || useAbRun.getState().ab) return;
  cancelled = false;
  const live = pinSettingsOf(config);
  const seed = live.lab === 'simclr' ? live.simclr.seed : live.blindsr.seed;
  const target = Math.max(1, pin.steps);
  await stopped();
  const ab: AbRun = { pinId, phase: 'A', target, milliseconds: { A: null, B: null } };
  useAbRun.setState({ ab });
  const timeA = await runPhase(withSeed(pin.settings, seed), target);
  if (timeA !== null) {
    const { history } = useStore.getState();
    const trimmed = { ...history };
    for (const metric of Object.keys(history) as (keyof typeof history)[])
      trimmed[metric] = upTo(target)(history[metric]);
    replacePinCurves(
      pinId,
      pinFromHistory(pinId, pin.style, withSeed(pin.settings, seed), trimmed),
    );
    useAbRun.setState({ ab: { ...ab, phase: 'B', milliseconds: { A: timeA, B: null } } });
  }
  // B runs even when A was stopped, so that the live settings are back either way
  const timeB = timeA === null ? null : await runPhase(live, target);
  if (timeA === null) applySettings(live);
  const last: AbRun = { ...ab, phase: 'B', milliseconds: { A: timeA, B: timeB } };
  useAbRun.setState({ ab: null, last });
}

export function cancelAb(): void {
  cancelled = true;
  useStore.setState((s) => ({ run: { ...s.run } }));
}
