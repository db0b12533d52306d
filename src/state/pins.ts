import { create } from 'zustand';
import type { LabId } from '../core/app-types';
import { translate } from '../i18n';
import { reset, switchLab, updateBlindSr, updateConfig, updateSimclr } from './actions';
import type { AppConfig } from './config';
import { download } from './download';
import { differenceLabel, pinSettingsOf } from './pin-label';
import {
  freeStyle,
  maxPins,
  pinFromHistory,
  type PinnedRun,
  type PinProblem,
  type PinSettings,
} from './pin-model';
import { parseSessionFile, sessionFile } from './pin-session';
import { loadStoredPins, storePins } from './pin-storage';
import { useStore } from './store';

/** The pinned-runs slice: the runs kept for comparison, in the order they were pinned. */
interface PinState {
  pins: PinnedRun[];
  /** false when the browser refused storage: pins last for this page */
  persistent: boolean;
  /** what was wrong with the last session file loaded */
  problem: PinProblem | null;
}

const stored = loadStoredPins();
export const usePins = create<PinState>()(() => ({
  pins: stored.pins,
  persistent: stored.persistent,
  problem: null,
}));

function setPins(pins: PinnedRun[], problem: PinProblem | null = null): void {
  usePins.setState({ pins, persistent: storePins(pins), problem });
}

const labPins = (pins: readonly PinnedRun[], lab: LabId) =>
  pins.filter((pin) => pin.settings.lab === lab);

/** The name a pinned run shows: the user's, or what differs from the live settings. */
export function pinLabel(pin: PinnedRun, config: AppConfig): string {
  return pin.name ?? differenceLabel(config.language, pin.settings, config);
}

let pinCount = 0;
const newPinId = () => `pin-${Date.now().toString(36)}-${(pinCount++).toString(36)}`;

/**
 * Keeps the current run's curves as a ghost on the lab's charts (at most four per lab).
 * The plain action a lesson calls before it changes one thing ("pin τ 0.5, then run
 * τ 0.05"); `name` overrides the label computed from the settings. Null when there is
 * nothing to pin yet or the lab already has four.
 */
export function pinCurrentRun(name?: string): PinnedRun | null {
  const { config, history } = useStore.getState();
  const { pins } = usePins.getState();
  const same = labPins(pins, config.lab);
  if (same.length >= maxPins) {
    useStore.setState({ toast: { key: 'pins.full', params: { count: maxPins } } });
    return null;
  }
  const pin = pinFromHistory(newPinId(), freeStyle(same), pinSettingsOf(config), history);
  if (pin.steps === 0) {
    useStore.setState({ toast: { key: 'pins.nothing' } });
    return null;
  }
  const named = name?.trim() ? { ...pin, name: name.trim() } : pin;
  setPins([...pins, named]);
  return named;
}

function changePin(id: string, change: (pin: PinnedRun) => PinnedRun): void {
  setPins(usePins.getState().pins.map((pin) => (pin.id === id ? change(pin) : pin)));
}

export function setPinHidden(id: string, hidden: boolean): void {
  changePin(id, (pin) => ({ ...pin, hidden }));
}

/** An empty name goes back to the label computed from the settings. */
export function renamePin(id: string, name: string): void {
  const trimmed = name.trim().slice(0, 60);
  changePin(id, (pin) => ({ ...pin, name: trimmed === '' ? null : trimmed }));
}

export function removePin(id: string): void {
  setPins(usePins.getState().pins.filter((pin) => pin.id !== id));
}

/** A pinned run's new curves (Run A/B re-ran it), its name and style kept. */
export function replacePinCurves(id: string, replacement: PinnedRun): void {
  changePin(id, (pin) => ({
    ...replacement,
    id: pin.id,
    name: pin.name,
    style: pin.style,
    hidden: false,
  }));
}

/** Applies settings to the live run in their lab, its images included. */
export function applySettings(settings: PinSettings): void {
  if (useStore.getState().config.lab !== settings.lab) switchLab(settings.lab);
  if (settings.lab === 'simclr') {
    updateConfig({ dataset: settings.dataset });
    updateSimclr(settings.simclr);
  } else {
    updateConfig({ hrSource: settings.hrSource });
    updateBlindSr(settings.blindsr);
  }
}

/** "Restore these settings": the pinned run's settings, on a fresh run from step 0. */
export function restorePinSettings(id: string): void {
  const pin = usePins.getState().pins.find((p) => p.id === id);
  if (!pin) return;
  applySettings(pin.settings);
  reset();
}

/** The pinned runs with the live settings, as a file to bring to class. */
export function exportSession(): void {
  const { config } = useStore.getState();
  const file = sessionFile(config.lab, pinSettingsOf(config), usePins.getState().pins);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  download(
    `session-${stamp}.json`,
    new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
  );
}

/** Loads a session file: its pinned runs replace the page's, and its lab opens. */
export async function loadSession(file: Blob): Promise<boolean> {
  const result = parseSessionFile(await file.text());
  if (!result.ok) {
    usePins.setState({ problem: result.problem });
    return false;
  }
  setPins(result.pins);
  switchLab(result.lab);
  useStore.setState({ toast: { key: 'pins.loaded', params: { count: result.pins.length } } });
  return true;
}

export function dismissPinProblem(): void {
  usePins.setState({ problem: null });
}

/** The pinned runs with their labels, for the CSV (export-actions.ts). */
export function labelledPins(): { label: string; series: PinnedRun['series'] }[] {
  const { config } = useStore.getState();
  return usePins.getState().pins.map((pin) => ({
    label: `${translate(config.language, `lab.${pin.settings.lab}`)}: ${pinLabel(pin, config)}`,
    series: pin.series,
  }));
}
