import { Fragment, type ReactNode } from 'react';
import {
  readPath,
  writePath,
  type LabSchema,
  type NumberFormat,
  type NumberSetting,
  type Setting,
} from '../core/settings';
import { catalogues, type MessageKey } from '../i18n';
import { useT } from '../state/useT';
import { useStore } from '../state/store';
import { NumberInput, Select, Slider, Toggle } from './fields';

const formats: Record<NumberFormat, (value: number) => string> = {
  fixed1: (v) => v.toFixed(1),
  fixed2: (v) => v.toFixed(2),
  fixed3: (v) => v.toFixed(3),
  precision2: (v) => v.toPrecision(2),
  exponent: (v) => v.toExponential(1),
  percent: (v) => `${Math.round(v * 100)} %`,
};

/** The help text of a label, where the catalogue has one. */
const helpKey = (label: string): MessageKey | null =>
  `${label}.help` in catalogues.en ? (`${label}.help` as MessageKey) : null;

/**
 * A lab's controls, generated from its settings schema: each setting in order, as the
 * control its kind calls for, hidden when the link hides its group or it does not apply to
 * the current config. `custom` renders the few settings that need more than a plain control
 * (the batch size says how many negatives it makes).
 */
export function SettingFields<C>({
  schema,
  config,
  update,
  custom = {},
}: {
  schema: LabSchema<C>;
  config: C;
  update: (change: Partial<C>) => void;
  custom?: Record<string, (setting: Setting<C>) => ReactNode>;
}) {
  const t = useT();
  const hidden = useStore((s) => s.config.hidden);
  /** the change that sets one setting (a nested one replaces its whole group) */
  const set = (path: string, value: unknown) => {
    const top = path.split('.')[0]!;
    const next = writePath(config, path, value) as Record<string, unknown>;
    update({ [top]: next[top] } as Partial<C>);
  };
  return (
    <>
      {schema.settings.map((setting) => {
        if (setting.hiddenControl) return null;
        if (setting.group && (hidden as readonly string[]).includes(setting.group)) return null;
        if (setting.shownWhen && !setting.shownWhen(config)) return null;
        const label = t(setting.label as MessageKey);
        const help = helpKey(setting.label);
        const common = { label, help: help ? t(help) : undefined, testId: setting.testId };
        const value = readPath(config, setting.path);
        let control: ReactNode;
        if (custom[setting.path]) control = custom[setting.path]!(setting);
        else if (setting.kind === 'flag')
          control = (
            <Toggle {...common} checked={value as boolean} onChange={(v) => set(setting.path, v)} />
          );
        else if (setting.kind === 'choice')
          control = (
            <Select
              {...common}
              testId={setting.testId ?? setting.url}
              value={value as string | number}
              options={(setting.optionsWhen?.(config) ?? setting.options).map((option) => {
                const labels = setting.optionLabelsWhen?.(config) ?? setting.optionLabels;
                return {
                  value: option,
                  label: labels
                    ? t(`${labels}.${option}` as MessageKey)
                    : `${setting.optionPrefix ?? ''}${option}`,
                };
              })}
              onChange={(v) => set(setting.path, v)}
            />
          );
        else control = numberControl(setting, config, common, (v) => set(setting.path, v));
        return (
          <Fragment key={setting.path}>
            {setting.section ? <h3>{t(setting.section as MessageKey)}</h3> : null}
            {control}
          </Fragment>
        );
      })}
    </>
  );
}

function numberControl<C>(
  setting: NumberSetting<C>,
  config: C,
  common: { label: string; help?: string; testId?: string },
  onChange: (value: number) => void,
): ReactNode {
  const value = readPath(config, setting.path) as number;
  const { min, max } = setting.bounds?.(config) ?? setting;
  if (setting.widget === 'input')
    return <NumberInput {...common} value={value} min={min} max={max} onChange={onChange} />;
  return (
    <Slider
      {...common}
      value={value}
      min={min}
      max={max}
      step={setting.step}
      scale={setting.scale}
      keyFactor={setting.keyFactor}
      format={setting.format ? formats[setting.format] : undefined}
      onChange={onChange}
    />
  );
}
