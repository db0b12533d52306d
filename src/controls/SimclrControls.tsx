import { simclrMethods, simclrSchema } from '../core/simclr/config';
import { methodDefaults, recommendedSettings } from '../core/simclr/method-defaults';
import { useT } from '../state/useT';
import { updateSimclr } from '../state/actions';
import { useStore } from '../state/store';
import { DataSelect } from './DataSelect';
import { Select } from './fields';
import { useVisible } from './InstructorPanel';
import { SettingFields } from './SettingFields';
import { UploadPanel } from './UploadPanel';

const batchSizes = [2, 4, 8, 16, 24, 32, 48, 64, 96, 128];

/**
 * The sizes offered: the usual ones that fit the data set, plus the current value
 * whatever it is (a link may ask for any whole N in range: the control must show it).
 */
export function batchOptions(current: number, datasetSize: number): number[] {
  const offered = batchSizes.filter((n) => n <= datasetSize);
  return [...new Set([...offered, current])].sort((a, b) => a - b);
}

export function SimclrControls() {
  const t = useT();
  const config = useStore((s) => s.config.simclr);
  const showData = useVisible('dataset');
  return (
    <aside className="controls" aria-label={t('controls.title')}>
      <h2>{t('controls.title')}</h2>
      {showData ? <DataSelect path="dataset" /> : null}
      <SettingFields
        schema={simclrSchema}
        config={config}
        update={updateSimclr}
        custom={{ batchSize: () => <BatchSizeField />, method: () => <MethodField /> }}
      />
      {showData ? <UploadPanel /> : null}
    </aside>
  );
}

/** how the caption names a recommended setting */
const settingSymbols: Record<string, string> = {
  batchSize: 'N',
  momentum: 'm',
  learningRate: 'lr',
};

/**
 * The method, and what switching to it applies: its recommended settings (method-defaults.ts),
 * shown under the select.
 */
function MethodField() {
  const t = useT();
  const config = useStore((s) => s.config.simclr);
  const method = config.method;
  const recommended = Object.entries(methodDefaults[method]);
  return (
    <>
      <Select
        label={t('controls.method')}
        help={t('controls.method.help')}
        testId="method"
        value={method}
        options={simclrMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        onChange={(m) => updateSimclr({ ...recommendedSettings(config, m), method: m })}
      />
      {recommended.length > 0 ? (
        <p className="caption" data-testid="method-recommended">
          {t('controls.method.recommended', {
            settings: recommended
              .map(([key, value]) => `${settingSymbols[key] ?? key} = ${String(value)}`)
              .join(', '),
          })}
        </p>
      ) : null}
    </>
  );
}

/** N, with what it makes: 2N views and 2N − 2 negatives; and what really trains. */
function BatchSizeField() {
  const t = useT();
  const batchSize = useStore((s) => s.config.simclr.batchSize);
  const datasetSize = useStore((s) => s.dataset?.images.length ?? Infinity);
  return (
    <div className="field stacked" title={t('controls.batchSize.help')}>
      <label>
        <span>{t('controls.batchSize')}</span>
        <select
          data-testid="batch-size"
          value={batchSize}
          aria-describedby="batch-size-help"
          onChange={(e) => updateSimclr({ batchSize: Number(e.target.value) })}
        >
          {batchOptions(batchSize, datasetSize).map((n) => (
            <option key={n} value={n}>
              {t('controls.batchOption', { n, views: 2 * n, negatives: 2 * n - 2 })}
            </option>
          ))}
        </select>
      </label>
      <span id="batch-size-help" className="visually-hidden">
        {t('controls.batchSize.help')}
      </span>
      {batchSize > datasetSize ? (
        // the trainer draws min(N, data set size) images: say what really trains
        <p className="caption" data-testid="batch-capped" role="status">
          {t('controls.batchCapped', {
            count: datasetSize,
            views: 2 * datasetSize,
            negatives: 2 * datasetSize - 2,
          })}
        </p>
      ) : null}
    </div>
  );
}
