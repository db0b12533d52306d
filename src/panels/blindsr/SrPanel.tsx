import { Panel } from '../common/Panel';
import { useT } from '../../state/useT';
import { useStore } from '../../state/store';
import { PixelCanvas } from '../../ui/PixelCanvas';
import { categoricalColors } from '../common/colors';
import { Legend } from '../loss/Legend';
import { LineChart } from '../loss/LineChart';
import './blindsr.css';

/** The four upsamplers compared, in the order of the table and the chart. */
const methods = [
  { key: 'bicubic', testId: 'psnr-bicubic', color: '#8a8f99', dashed: true },
  { key: 'without', testId: 'psnr-norep', color: categoricalColors[0] },
  { key: 'learned', testId: 'psnr-value', color: categoricalColors[4] },
  { key: 'oracle', testId: 'psnr-oracle', color: categoricalColors[2], dashed: true },
] as const;

/** The PSNR chart's range: the values with a margin, not from 0 (they differ by tenths of a dB). */
function psnrDomain(
  levels: { bicubic: number; without: number; learned: number; oracle: number }[],
): [number, number] {
  const values = levels
    .flatMap((l) => [l.bicubic, l.without, l.learned, l.oracle])
    .filter(Number.isFinite);
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  return [Math.floor(low - 0.5), Math.ceil(high + 0.5)];
}

/**
 * LR / bicubic / SR / HR on a held-out crop; PSNR of bicubic and of three upsamplers
 * trained side by side (without a condition, with the learned representation, with the
 * true degradation), overall and per blur level.
 */
export function SrPanel() {
  const t = useT();
  const sr = useStore((s) => s.blindsrEvaluation?.sr ?? null);
  const scale = useStore((s) => s.config.blindsr.scale);
  const stage = useStore((s) => s.config.blindsr.stage);
  const example = sr?.example;
  const overall = sr && {
    bicubic: sr.psnrBicubic,
    without: sr.psnrSrWithoutRepresentation,
    learned: sr.psnrSr,
    oracle: sr.psnrOracle,
  };
  const gain = sr ? sr.psnrSr - sr.psnrSrWithoutRepresentation : NaN;
  return (
    <Panel id="sr" title={t('panel.sr.title', { scale })}>
      <p className="caption">{t('panel.sr.caption')}</p>
      {sr && example && overall ? (
        <>
          <div className="sr-row" data-testid="sr-images">
            {(
              [
                ['low', example.low, example.lowSize],
                ['bicubic', example.bicubic, example.hrSize],
                ['sr', example.sr, example.hrSize],
                ['hr', example.hr, example.hrSize],
              ] as const
            ).map(([key, pixels, side]) => (
              <figure key={key}>
                <PixelCanvas
                  pixels={pixels}
                  size={side}
                  className="thumb sr"
                  label={t(`panel.sr.${key}`)}
                />
                <figcaption>{t(`panel.sr.${key}`)}</figcaption>
              </figure>
            ))}
          </div>
          <p className="caption">
            {t('panel.sr.exampleSigma', { sigma: example.sigma.toFixed(1) })}
          </p>
          <div className="sr-results">
            <table className="psnr-table">
              <tbody>
                {methods.map((m) => (
                  <tr key={m.key}>
                    <th>
                      <span className="swatch" style={{ background: m.color }} aria-hidden="true" />
                      {t(`panel.sr.method.${m.key}`)}
                    </th>
                    <td data-testid={m.testId}>{overall[m.key].toFixed(2)} dB</td>
                  </tr>
                ))}
                <tr className="psnr-gain">
                  <th>{t('panel.sr.gain')}</th>
                  <td data-testid="psnr-gain">
                    {gain >= 0 ? '+' : '−'}
                    {Math.abs(gain).toFixed(2)} dB
                  </td>
                </tr>
              </tbody>
            </table>
            <figure className="psnr-by-sigma">
              <LineChart
                testId="psnr-by-sigma"
                ariaLabel={t('panel.sr.bySigma')}
                width={340}
                height={170}
                xLabel="σ"
                yDomain={psnrDomain(sr.byLevel)}
                series={methods.map((m) => ({
                  id: m.key,
                  label: t(`panel.sr.method.${m.key}`),
                  color: m.color,
                  dashed: 'dashed' in m ? m.dashed : false,
                  points: sr.byLevel.map((level) => ({ step: level.sigma, value: level[m.key] })),
                }))}
              />
              <figcaption>{t('panel.sr.bySigma')}</figcaption>
              <Legend
                items={methods.map((m) => ({
                  label: t(`panel.sr.method.${m.key}`),
                  color: m.color,
                  dashed: 'dashed' in m ? m.dashed : false,
                }))}
              />
            </figure>
          </div>
        </>
      ) : (
        <p className="empty">{stage === 1 ? t('panel.sr.stage1') : t('transport.loading')}</p>
      )}
    </Panel>
  );
}
