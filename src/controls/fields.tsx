import { useId } from 'react';

/**
 * Labelled inputs that explain themselves: the help text is the tooltip and the
 * accessible description. `scale: 'log'` maps the slider linearly in log(value).
 */
export function Slider({
  label,
  help,
  value,
  min,
  max,
  step,
  scale = 'linear',
  format = (v) => String(v),
  onChange,
  testId,
  keyFactor,
}: {
  label: string;
  help?: string;
  /** log scale: one arrow key press multiplies (→, ↑) or divides (←, ↓) by this */
  keyFactor?: number;
  value: number;
  min: number;
  max: number;
  step?: number;
  scale?: 'linear' | 'log';
  format?: (value: number) => string;
  onChange: (value: number) => void;
  testId?: string;
}) {
  const id = useId();
  const toSlider = (v: number) => (scale === 'log' ? Math.log(v) : v);
  const fromSlider = (s: number) => (scale === 'log' ? Math.exp(s) : s);
  return (
    <div className="field" title={help}>
      <label htmlFor={id}>
        <span>{label}</span>
        <output htmlFor={id}>{format(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={toSlider(min)}
        max={toSlider(max)}
        step={scale === 'log' ? (toSlider(max) - toSlider(min)) / 400 : (step ?? 1)}
        value={toSlider(value)}
        aria-valuetext={format(value)}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => {
          const raw = fromSlider(Number(e.target.value));
          onChange(scale === 'log' ? Number(raw.toPrecision(3)) : raw);
        }}
        onKeyDown={(e) => {
          // the native step of a log slider is a tiny, invisible factor: a key press here
          // moves by a fixed, visible ratio instead
          if (scale !== 'log' || !keyFactor) return;
          const up = e.key === 'ArrowRight' || e.key === 'ArrowUp';
          const down = e.key === 'ArrowLeft' || e.key === 'ArrowDown';
          if (!up && !down) return;
          e.preventDefault();
          const next = up ? value * keyFactor : value / keyFactor;
          onChange(Number(Math.min(max, Math.max(min, next)).toPrecision(3)));
        }}
      />
      {help ? (
        <span id={`${id}-help`} className="visually-hidden">
          {help}
        </span>
      ) : null}
    </div>
  );
}

export function Toggle({
  label,
  help,
  checked,
  onChange,
  testId,
}: {
  label: string;
  help?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field toggle" title={help}>
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={help ? `${id}-help` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {help ? (
        <span id={`${id}-help`} className="visually-hidden">
          {help}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled drop-down: the label above, the options as (value, label) pairs. */
export function Select<V extends string | number>({
  label,
  help,
  testId,
  value,
  options,
  onChange,
  hidden,
}: {
  label: string;
  help?: string;
  testId: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  hidden?: boolean;
}) {
  return (
    <div className="field stacked" title={help} hidden={hidden}>
      <label>
        <span>{label}</span>
        <select
          data-testid={testId}
          value={value}
          onChange={(e) => {
            // the option whose value, as text, was picked: keeps the value's type
            const picked = options.find((o) => String(o.value) === e.target.value);
            if (picked) onChange(picked.value);
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** A whole number typed in (a seed): values outside [min, max] are not taken. */
export function NumberInput({
  label,
  help,
  testId,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  help?: string;
  testId?: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}) {
  return (
    <div className="field" title={help}>
      <label>
        <span>{label}</span>
        <input
          type="number"
          data-testid={testId}
          min={min}
          max={max}
          value={value}
          onChange={(e) => {
            const typed = Number(e.target.value);
            if (Number.isInteger(typed) && typed >= min && typed <= max) onChange(typed);
          }}
        />
      </label>
    </div>
  );
}
