import type { SimclrConfig } from '../../core/simclr/config';
import { chanceLoss } from '../../core/simclr/similarity';
import type { useT } from '../../state/useT';

export interface LossReference {
  /** the curve's name: the method's own loss */
  lossLabel: string;
  /** the dashed line: its legend, value and the formula written beside it */
  reference: { legend: string; value: number; label: string };
}

/**
 * Each method's own loss and its own reference: log(2N − 1) only where a random encoder
 * scores it (NT-Xent); MoCo's chance is log(K + 1) (one positive among K + 1 logits);
 * the positive-only objective −mean cos/τ, SimSiam's −cos and BYOL's 2 − 2 cos have no
 * chance level, only a floor that a collapsed (constant) representation reaches as well.
 */
export function lossReference(
  {
    method,
    noNegatives,
    temperature,
    stopGradient,
  }: Pick<SimclrConfig, 'method' | 'noNegatives' | 'temperature' | 'stopGradient'>,
  batchSize: number,
  queueSize: number,
  t: ReturnType<typeof useT>,
): LossReference {
  const chance = chanceLoss(2 * batchSize);
  if (method === 'moco') {
    const value = Math.log(queueSize + 1);
    return {
      lossLabel: t('panel.loss.moco'),
      reference: {
        legend: t('panel.loss.mocoChance'),
        value,
        label: `log(K+1) = ${value.toFixed(2)}`,
      },
    };
  }
  if (method === 'simsiam')
    return {
      lossLabel: stopGradient ? t('panel.loss.simsiam') : t('panel.loss.simsiamNoSg'),
      reference: { legend: t('panel.loss.cosineFloor'), value: -1, label: '−1' },
    };
  if (method === 'byol')
    return {
      lossLabel: t('panel.loss.byol'),
      reference: { legend: t('panel.loss.byolFloor'), value: 0, label: '0' },
    };
  if (noNegatives)
    return {
      lossLabel: t('panel.loss.positiveOnly'),
      reference: {
        legend: t('panel.loss.positiveFloor'),
        value: -1 / temperature,
        label: `−1/τ = ${(-1 / temperature).toFixed(2)}`,
      },
    };
  return {
    lossLabel: t('panel.loss.loss'),
    reference: {
      legend: t('panel.loss.chance'),
      value: chance,
      label: `log(2N−1) = ${chance.toFixed(2)}`,
    },
  };
}
