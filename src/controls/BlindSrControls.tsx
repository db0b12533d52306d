import { blindSrLimits } from '../core/blindsr-config';
import type { HrSource } from '../data/load';
import { useT } from '../i18n/useT';
import { updateBlindSr, updateConfig } from '../state/actions';
import { useStore } from '../state/store';
import { Slider, Toggle } from './fields';
import { useVisible } from './InstructorPanel';
import { UploadPanel } from './UploadPanel';

const hrSources: HrSource[] = ['textures', 'photos', 'uploads'];

export function BlindSrControls() {
  const t = useT();
  const c = useStore((s) => s.config.blindsr);
  const hrSource = useStore((s) => s.config.hrSource);
  const showTemperature = useVisible('temperature');
  const showData = useVisible('dataset');
  const showQueue = useVisible('batch');
  return (
    <aside className="controls" aria-label={t('controls.title')}>
      <h2>{t('controls.title')}</h2>
      <div className="field stacked" title={t('bsr.stage.help')}>
        <label>
          <span>{t('bsr.stage')}</span>
          <select
            data-testid="training-stage"
            value={c.stage}
            onChange={(e) => updateBlindSr({ stage: Number(e.target.value) === 2 ? 2 : 1 })}
          >
            <option value={1}>{t('bsr.stage.1')}</option>
            <option value={2}>{t('bsr.stage.2')}</option>
          </select>
        </label>
      </div>
      <div className="field stacked" hidden={!showData}>
        <label>
          <span>{t('controls.hrSource')}</span>
          <select
            data-testid="dataset"
            value={hrSource}
            onChange={(e) => updateConfig({ hrSource: e.target.value as HrSource })}
          >
            {hrSources.map((source) => (
              <option key={source} value={source}>
                {t(`dataset.${source}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field stacked">
        <label>
          <span>{t('bsr.scale')}</span>
          <select
            data-testid="scale"
            value={c.scale}
            onChange={(e) => updateBlindSr({ scale: Number(e.target.value) === 4 ? 4 : 2 })}
          >
            <option value={2}>×2</option>
            <option value={4}>×4</option>
          </select>
        </label>
      </div>
      <div className="field stacked">
        <label>
          <span>{t('bsr.blurKind')}</span>
          <select
            data-testid="blur-kind"
            value={c.blurKind}
            onChange={(e) =>
              updateBlindSr({
                blurKind: e.target.value === 'anisotropic' ? 'anisotropic' : 'isotropic',
              })
            }
          >
            <option value="isotropic">{t('bsr.blurKind.isotropic')}</option>
            <option value="anisotropic">{t('bsr.blurKind.anisotropic')}</option>
          </select>
        </label>
      </div>
      <Slider
        label={t('bsr.sigmaMin')}
        value={c.sigmaMin}
        min={blindSrLimits.sigma.min}
        max={c.sigmaMax}
        step={0.1}
        format={(v) => v.toFixed(1)}
        onChange={(sigmaMin) => updateBlindSr({ sigmaMin })}
      />
      <Slider
        label={t('bsr.sigmaMax')}
        value={c.sigmaMax}
        min={c.sigmaMin}
        max={blindSrLimits.sigma.max}
        step={0.1}
        format={(v) => v.toFixed(1)}
        onChange={(sigmaMax) => updateBlindSr({ sigmaMax })}
      />
      <Slider
        label={t('bsr.noiseMax')}
        value={c.noiseMax}
        min={0}
        max={blindSrLimits.noiseMax.max}
        step={1}
        onChange={(noiseMax) => updateBlindSr({ noiseMax })}
      />
      <div className="field stacked" title={t('bsr.queueSize.help')} hidden={!showQueue}>
        <label>
          <span>{t('bsr.queueSize')}</span>
          <select
            data-testid="queue-size"
            value={c.queueSize}
            onChange={(e) => updateBlindSr({ queueSize: Number(e.target.value) })}
          >
            {blindSrLimits.queueSizes.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Slider
        label={t('bsr.momentum')}
        help={t('bsr.momentum.help')}
        testId="momentum"
        value={c.momentum}
        min={0.5}
        max={0.999}
        step={0.001}
        format={(v) => v.toFixed(3)}
        onChange={(momentum) => updateBlindSr({ momentum })}
      />
      {showTemperature ? (
        <Slider
          label={t('bsr.temperature')}
          testId="bsr-temperature"
          value={c.temperature}
          min={blindSrLimits.temperature.min}
          max={blindSrLimits.temperature.max}
          scale="log"
          keyFactor={1.1}
          format={(v) => v.toPrecision(2)}
          onChange={(temperature) => updateBlindSr({ temperature })}
        />
      ) : null}
      {c.stage === 2 ? (
        <Toggle
          label={t('bsr.finetune')}
          help={t('bsr.finetune.help')}
          testId="finetune"
          checked={c.finetune}
          onChange={(finetune) => updateBlindSr({ finetune })}
        />
      ) : null}
      <Toggle
        label={t('bsr.weighting')}
        help={t('bsr.weighting.help')}
        testId="negative-weighting"
        checked={c.weighting}
        onChange={(weighting) => updateBlindSr({ weighting })}
      />
      <div className="field stacked" title={t('bsr.pairing.help')}>
        <label>
          <span>{t('bsr.pairing')}</span>
          <select
            data-testid="pairing"
            value={c.pairing}
            onChange={(e) =>
              updateBlindSr({ pairing: e.target.value === 'image' ? 'image' : 'degradation' })
            }
          >
            <option value="degradation">{t('bsr.pairing.degradation')}</option>
            <option value="image">{t('bsr.pairing.image')}</option>
          </select>
        </label>
      </div>
      {showData ? <UploadPanel /> : null}
    </aside>
  );
}
