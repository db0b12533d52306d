import type { MessageKey } from '../i18n';
import { updateConfig } from '../state/actions';
import { appSchema } from '../state/config';
import { useStore } from '../state/store';
import { useT } from '../state/useT';
import { Select } from './fields';

/**
 * Where a lab's images come from (SimCLR's data set, Blind-SR's HR images): a page-wide
 * setting, its options from the page's settings schema.
 */
export function DataSelect({ path }: { path: 'dataset' | 'hrSource' }) {
  const t = useT();
  const value = useStore((s) => s.config[path]);
  const setting = appSchema.find((s) => s.path === path);
  const options = setting?.kind === 'choice' ? setting.options : [];
  return (
    <Select
      label={t((setting?.label ?? 'controls.dataset') as MessageKey)}
      testId="dataset"
      value={value as string}
      options={options.map((option) => ({
        value: String(option),
        label: t(`dataset.${option}` as MessageKey),
      }))}
      onChange={(option) => updateConfig({ [path]: option })}
    />
  );
}
