import { blindSrLimits } from '../core/blindsr-config';
import type { HrSource } from '../data/load';
import { useT } from '../i18n/useT';
import { updateBlindSr, updateConfig } from '../state/actions';
import { useStore } from '../state/store';
import { Select, Slider, Toggle } from './fields';
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
      <Select
        label={t('bsr.stage')}
        help={t('bsr.stage.help')}
        testId="training-stage"
        value={c.stage}
        options={[
          { value: 1 as const, label: t('bsr.stage.1') },
          { value: 2 as const, label: t('bsr.stage.2') },
        ]}
        onChange={(stage) => updateBlindSr({ stage })}
      />
      <Select
        label={t('controls.hrSource')}
        testId="dataset"
        hidden={!showData}
        value={hrSource}
        options={hrSources.map((source) => ({ value: source, label: t(`dataset.${source}`) }))}
        onChange={(source) => updateConfig({ hrSource: source })}
      />
      <Select
        label={t('bsr.scale')}
        testId="scale"
        value={c.scale}
        options={[
          { value: 2 as const, label: '×2' },
          { value: 4 as const, label: '×4' },
        ]}
        onChange={(scale) => updateBlindSr({ scale })}
      />
      <Select
        label={t('bsr.blurKind')}
        testId="blur-kind"
        value={c.blurKind}
        options={[
          { value: 'isotropic' as const, label: t('bsr.blurKind.isotropic') },
          { value: 'anisotropic' as const, label: t('bsr.blurKind.anisotropic') },
        ]}
        onChange={(blurKind) => updateBlindSr({ blurKind })}
      />
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
      <Select
        label={t('bsr.queueSize')}
        help={t('bsr.queueSize.help')}
        testId="queue-size"
        hidden={!showQueue}
        value={c.queueSize as number}
        options={blindSrLimits.queueSizes.map((k) => ({ value: k as number, label: String(k) }))}
        onChange={(queueSize) => updateBlindSr({ queueSize })}
      />
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
      <Select
        label={t('bsr.pairing')}
        help={t('bsr.pairing.help')}
        testId="pairing"
        value={c.pairing}
        options={[
          { value: 'degradation' as const, label: t('bsr.pairing.degradation') },
          { value: 'image' as const, label: t('bsr.pairing.image') },
        ]}
        onChange={(pairing) => updateBlindSr({ pairing })}
      />
      {showData ? <UploadPanel /> : null}
    </aside>
  );
}
