import { blindsrSchema } from '../core/blindsr/config';
import { updateBlindSr } from '../state/actions';
import { useStore } from '../state/store';
import { useT } from '../state/useT';
import { DataSelect } from './DataSelect';
import { useVisible } from './InstructorPanel';
import { SettingFields } from './SettingFields';
import { UploadPanel } from './UploadPanel';

export function BlindSrControls() {
  const t = useT();
  const config = useStore((s) => s.config.blindsr);
  const showData = useVisible('dataset');
  return (
    <aside className="controls" aria-label={t('controls.title')}>
      <h2>{t('controls.title')}</h2>
      {showData ? <DataSelect path="hrSource" /> : null}
      <SettingFields schema={blindsrSchema} config={config} update={updateBlindSr} />
      {showData ? <UploadPanel /> : null}
    </aside>
  );
}
