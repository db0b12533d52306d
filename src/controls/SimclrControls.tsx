import {
  methodDefaults,
  recommendedSettings,
  simclrLimits,
  simclrMethods,
} from '../core/simclr-config';
import type { DatasetId } from '../data/dataset';
import { useT } from '../i18n/useT';
import { updateConfig, updateSimclr } from '../state/actions';
import { useStore } from '../state/store';
import { Select, Slider, Toggle } from './fields';
import { useVisible } from './InstructorPanel';
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
const datasets: DatasetId[] = ['shapes', 'photos', 'uploads'];
/** how the controls name a recommended setting */
const settingSymbols: Record<string, string> = {
  batchSize: 'N',
  momentum: 'm',
  learningRate: 'lr',
};

export function SimclrControls() {
  const t = useT();
  const config = useStore((s) => s.config.simclr);
  const dataset = useStore((s) => s.config.dataset);
  const datasetSize = useStore((s) => s.dataset?.images.length ?? Infinity);
  const a = config.augment;
  const method = config.method;
  // τ scales InfoNCE's logits; SimSiam and BYOL compare p and z by cosine alone
  const usesTemperature = method === 'simclr' || method === 'moco';
  const show = {
    temperature: useVisible('temperature'),
    batch: useVisible('batch'),
    negatives: useVisible('negatives'),
    learningRate: useVisible('learningRate'),
    seed: useVisible('seed'),
    augment: useVisible('augment'),
    dataset: useVisible('dataset'),
  };
  return (
    <aside className="controls" aria-label={t('controls.title')}>
      <h2>{t('controls.title')}</h2>
      {show.dataset ? (
        <Select
          label={t('controls.dataset')}
          testId="dataset"
          value={dataset}
          options={datasets.map((d) => ({ value: d, label: t(`dataset.${d}`) }))}
          onChange={(d) => updateConfig({ dataset: d })}
        />
      ) : null}
      <Select
        label={t('controls.method')}
        help={t('controls.method.help')}
        testId="method"
        value={method}
        options={simclrMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        onChange={(m) => updateSimclr({ ...recommendedSettings(config, m), method: m })}
      />
      {Object.keys(methodDefaults[method]).length > 0 ? (
        <p className="caption" data-testid="method-recommended">
          {t('controls.method.recommended', {
            settings: Object.entries(methodDefaults[method])
              .map(([key, value]) => `${settingSymbols[key] ?? key} = ${String(value)}`)
              .join(', '),
          })}
        </p>
      ) : null}
      {method === 'moco' ? (
        <Select
          label={t('controls.queueSize')}
          help={t('controls.queueSize.help')}
          testId="queue-size"
          value={config.queueSize as number}
          options={simclrLimits.queueSizes.map((k) => ({ value: k as number, label: String(k) }))}
          onChange={(queueSize) => updateSimclr({ queueSize })}
        />
      ) : null}
      {method === 'moco' || method === 'byol' ? (
        <Slider
          label={t('controls.momentum')}
          help={t('controls.momentum.help')}
          testId="momentum"
          value={config.momentum}
          min={0}
          max={0.999}
          step={0.001}
          format={(v) => v.toFixed(3)}
          onChange={(momentum) => updateSimclr({ momentum })}
        />
      ) : null}
      {method === 'simsiam' ? (
        <Toggle
          label={t('controls.stopGradient')}
          help={t('controls.stopGradient.help')}
          testId="stop-gradient"
          checked={config.stopGradient}
          onChange={(stopGradient) => updateSimclr({ stopGradient })}
        />
      ) : null}
      {show.temperature && usesTemperature ? (
        <>
          <Slider
            label={t('controls.temperature')}
            help={t('controls.temperature.help')}
            testId="temperature"
            value={config.temperature}
            min={simclrLimits.temperature.min}
            max={simclrLimits.temperature.max}
            scale="log"
            keyFactor={1.1}
            format={(v) => v.toPrecision(2)}
            onChange={(temperature) => updateSimclr({ temperature })}
          />
        </>
      ) : null}
      {show.batch ? (
        <>
          <div className="field stacked" title={t('controls.batchSize.help')}>
            <label>
              <span>{t('controls.batchSize')}</span>
              <select
                data-testid="batch-size"
                value={config.batchSize}
                aria-describedby="batch-size-help"
                onChange={(e) => updateSimclr({ batchSize: Number(e.target.value) })}
              >
                {batchOptions(config.batchSize, datasetSize).map((n) => (
                  <option key={n} value={n}>
                    {t('controls.batchOption', { n, views: 2 * n, negatives: 2 * n - 2 })}
                  </option>
                ))}
              </select>
            </label>
            <span id="batch-size-help" className="visually-hidden">
              {t('controls.batchSize.help')}
            </span>
            {config.batchSize > datasetSize ? (
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
        </>
      ) : null}
      {show.negatives && method === 'simclr' ? (
        <>
          <Toggle
            label={t('controls.noNegatives')}
            help={t('controls.noNegatives.help')}
            testId="no-negatives"
            checked={config.noNegatives}
            onChange={(noNegatives) => updateSimclr({ noNegatives })}
          />
        </>
      ) : null}
      {show.learningRate ? (
        <>
          <Slider
            label={t('controls.learningRate')}
            help={t('controls.learningRate.help')}
            testId="learning-rate"
            value={config.learningRate}
            min={simclrLimits.learningRate.min}
            max={simclrLimits.learningRate.max}
            scale="log"
            format={(v) => v.toExponential(1)}
            onChange={(learningRate) => updateSimclr({ learningRate })}
          />
        </>
      ) : null}
      {show.seed ? (
        <>
          <div className="field" title={t('controls.seed.help')}>
            <label>
              <span>{t('controls.seed')}</span>
              <input
                type="number"
                data-testid="seed"
                min={0}
                max={simclrLimits.seed.max}
                value={config.seed}
                onChange={(e) => {
                  const seed = Number(e.target.value);
                  if (Number.isInteger(seed) && seed >= 0 && seed <= simclrLimits.seed.max)
                    updateSimclr({ seed });
                }}
              />
            </label>
          </div>
        </>
      ) : null}
      {show.augment ? (
        <>
          <h3>{t('controls.augmentations')}</h3>
          <Toggle
            label={t('controls.crop')}
            help={t('controls.crop.help')}
            testId="aug-crop"
            checked={a.crop}
            onChange={(crop) => updateSimclr({ augment: { ...a, crop } })}
          />
          {a.crop ? (
            <Slider
              label={t('controls.cropMinArea')}
              value={a.cropMinArea}
              min={simclrLimits.cropMinArea.min}
              max={simclrLimits.cropMinArea.max}
              step={0.01}
              format={(v) => `${Math.round(v * 100)} %`}
              onChange={(cropMinArea) => updateSimclr({ augment: { ...a, cropMinArea } })}
            />
          ) : null}
          <Toggle
            label={t('controls.flip')}
            testId="aug-flip"
            checked={a.flip}
            onChange={(flip) => updateSimclr({ augment: { ...a, flip } })}
          />
          <Toggle
            label={t('controls.colorJitter')}
            help={t('controls.colorJitter.help')}
            testId="aug-jitter"
            checked={a.colorJitter}
            onChange={(colorJitter) => updateSimclr({ augment: { ...a, colorJitter } })}
          />
          {a.colorJitter ? (
            <Slider
              label={t('controls.colorStrength')}
              value={a.colorStrength}
              min={simclrLimits.colorStrength.min}
              max={simclrLimits.colorStrength.max}
              step={0.05}
              format={(v) => v.toFixed(2)}
              onChange={(colorStrength) => updateSimclr({ augment: { ...a, colorStrength } })}
            />
          ) : null}
          <Toggle
            label={t('controls.grayscale')}
            testId="aug-gray"
            checked={a.grayscale}
            onChange={(grayscale) => updateSimclr({ augment: { ...a, grayscale } })}
          />
          <Toggle
            label={t('controls.blur')}
            testId="aug-blur"
            checked={a.blur}
            onChange={(blur) => updateSimclr({ augment: { ...a, blur } })}
          />
        </>
      ) : null}
      {show.dataset ? (
        <>
          <UploadPanel />
        </>
      ) : null}
    </aside>
  );
}
