import { blindsrSchema } from '../core/blindsr/config';
import type { MessageKey } from '../i18n';
import { useT } from '../state/useT';
import { updateBlindSr, updateConfig } from '../state/actions';
import { appSchema } from '../state/config';
import { useStore } from '../state/store';
import { Select } from './fields';
import { useVisible } from './InstructorPanel';
import { SettingFields } from './SettingFields';
import { UploadPanel } from './UploadPanel';

export function BlindSrControls() {
  const t = useT();
  const config = useStore((s) => s.config.blindsr);
  const hrSource = useStore((s) => s.config.hrSource);
  const showData = useVisible('dataset');
  const setting = appSchema.find((s) => s.path === 'hrSource');
  const sources = setting?.kind === 'choice' ? setting.options : [];
  return (
    <aside className="controls" aria-label={t('controls.title')}>
      <h2>{t('controls.title')}</h2>
      {showData ? (
        <Select
          label={t('controls.hrSource')}
          testId="dataset"
          value={hrSource}
          options={sources.map((source) => ({
            value: source as typeof hrSource,
            label: t(`dataset.${source}` as MessageKey),
          }))}
          onChange={(source) => updateConfig({ hrSource: source })}
        />
      ) : null}
      <SettingFields schema={blindsrSchema} config={config} update={updateBlindSr} />
      {showData ? <UploadPanel /> : null}
    </aside>
  );
}
