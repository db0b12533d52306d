import type { ViewParams } from '../../core/simclr/augment';
import type { useT } from '../../state/useT';

/** A view's augmentation in words: crop, flip, colour jitter (its order), grey, blur. */
export function describeView(params: ViewParams, t: ReturnType<typeof useT>): string {
  const yes = t('panel.views.yes');
  const no = t('panel.views.no');
  const j = params.jitter;
  return t('panel.views.params', {
    w: params.crop.width.toFixed(2),
    h: params.crop.height.toFixed(2),
    x: params.crop.x.toFixed(2),
    y: params.crop.y.toFixed(2),
    flip: params.flip ? yes : no,
    jitter: j
      ? `${j.order.map((op) => op[0]).join('')} b${j.brightness.toFixed(2)} c${j.contrast.toFixed(2)} s${j.saturation.toFixed(2)} h${j.hue >= 0 ? '+' : ''}${j.hue.toFixed(2)}`
      : no,
    grey: params.grayscale ? yes : no,
    blur: params.blurSigma === null ? no : `σ ${params.blurSigma.toFixed(2)}`,
  });
}
