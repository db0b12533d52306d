import { useState } from 'react';
import { pinStyle } from '../ui/pin-styles';
import { cancelAb, runAb, useAbRun } from '../state/pin-ab';
import type { PinnedRun } from '../state/pin-model';
import {
  dismissPinProblem,
  exportSession,
  loadSession,
  pinCurrentRun,
  pinLabel,
  removePin,
  renamePin,
  restorePinSettings,
  setPinHidden,
  usePins,
} from '../state/pins';
import { useStore } from '../state/store';
import { useT } from '../state/useT';
import './uploads.css';
import './pins.css';

/** A sample of the pin's line: its colour and dash, as on the charts. */
function PinSwatch({ style }: { style: number }) {
  const { color, dash } = pinStyle(style);
  return (
    <svg width={28} height={10} aria-hidden="true" className="pin-swatch">
      <line x1={0} x2={28} y1={5} y2={5} stroke={color} strokeWidth={2.5} strokeDasharray={dash} />
    </svg>
  );
}

function PinName({ pin, label }: { pin: PinnedRun; label: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  if (!editing)
    return (
      <button
        type="button"
        className="link-button pin-label"
        data-testid="pin-label"
        title={t('pins.rename', { name: label })}
        onClick={() => setEditing(true)}
      >
        {label}
      </button>
    );
  const commit = (value: string) => {
    renamePin(pin.id, value);
    setEditing(false);
  };
  return (
    <input
      type="text"
      className="pin-name"
      data-testid="pin-name"
      aria-label={t('pins.rename', { name: label })}
      defaultValue={label}
      maxLength={60}
      autoFocus
      onBlur={(e) => commit(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

function AbStatus() {
  const t = useT();
  const { ab, last } = useAbRun();
  const step = useStore((s) => s.run.step);
  if (ab)
    return (
      <p className="pin-ab" role="status" data-testid="ab-status">
        {t('pins.abStatus', {
          phase: ab.phase,
          step: Math.min(step, ab.target),
          target: ab.target,
        })}{' '}
        <button type="button" data-testid="ab-stop" onClick={cancelAb}>
          {t('pins.abStop')}
        </button>
      </p>
    );
  if (!last) return null;
  const { A, B } = last.milliseconds;
  return (
    <p className="pin-ab" role="status" data-testid="ab-status" data-done="true">
      {A !== null && B !== null
        ? t('pins.abDone', {
            a: (A / 1000).toFixed(1),
            b: (B / 1000).toFixed(1),
            target: last.target,
          })
        : t('pins.abStopped')}
    </p>
  );
}

/** Pin run, the pinned runs of this lab (show, rename, restore, A/B, remove), the session file. */
export function PinnedRuns() {
  const t = useT();
  const { pins, persistent, problem } = usePins();
  const config = useStore((s) => s.config);
  const hasSteps = useStore((s) => s.history.loss.length > 0 || s.history.srLoss.length > 0);
  const abRunning = useAbRun((s) => s.ab !== null);
  const here = pins.filter((pin) => pin.settings.lab === config.lab);
  const elsewhere = pins.length - here.length;
  return (
    <section className="pinned-runs" aria-label={t('pins.title')} data-testid="pinned-runs">
      <div className="pin-toolbar">
        <button
          type="button"
          data-testid="pin-run"
          title={t('pins.pinHelp')}
          disabled={!hasSteps || here.length >= 4 || abRunning}
          onClick={() => pinCurrentRun()}
        >
          {t('pins.pin')}
        </button>
        <button
          type="button"
          data-testid="export-session"
          disabled={pins.length === 0}
          onClick={exportSession}
        >
          {t('pins.exportSession')}
        </button>
        <label className="upload-button">
          {t('pins.loadSession')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="load-session"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void loadSession(file);
            }}
          />
        </label>
      </div>
      {problem ? (
        <p className="error pin-problem" role="alert" data-testid="session-problem">
          {t(problem.key, problem.params)}{' '}
          <button type="button" className="link-button" onClick={dismissPinProblem}>
            {t('pins.dismiss')}
          </button>
        </p>
      ) : null}
      {!persistent ? (
        <p className="caption" data-testid="pins-memory-only">
          {t('pins.memoryOnly')}
        </p>
      ) : null}
      <AbStatus />
      {here.length > 0 ? (
        <ul className="pin-list">
          {here.map((pin) => {
            const label = pinLabel(pin, config);
            return (
              <li key={pin.id} data-testid="pin-item" data-pin={pin.id}>
                <input
                  type="checkbox"
                  checked={!pin.hidden}
                  aria-label={t('pins.hide', { name: label })}
                  data-testid="pin-visible"
                  onChange={(e) => setPinHidden(pin.id, !e.target.checked)}
                />
                <PinSwatch style={pin.style} />
                <PinName key={label} pin={pin} label={label} />
                <span className="muted">{t('pins.steps', { steps: pin.steps })}</span>
                <button
                  type="button"
                  data-testid="pin-restore"
                  title={t('pins.restoreHelp', { name: label })}
                  disabled={abRunning}
                  onClick={() => restorePinSettings(pin.id)}
                >
                  {t('pins.restore')}
                </button>
                <button
                  type="button"
                  data-testid="pin-ab"
                  title={t('pins.runAbHelp', { name: label, steps: pin.steps })}
                  disabled={abRunning}
                  onClick={() => void runAb(pin.id)}
                >
                  {t('pins.runAb')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  data-testid="pin-remove"
                  aria-label={t('pins.remove', { name: label })}
                  disabled={abRunning}
                  onClick={() => removePin(pin.id)}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {elsewhere > 0 ? (
        <p className="caption muted">{t('pins.otherLab', { count: elsewhere })}</p>
      ) : null}
    </section>
  );
}
