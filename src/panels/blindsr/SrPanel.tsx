import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { PixelCanvas } from '../common/PixelCanvas';

/** LR / bicubic / SR / HR on a held-out crop, with PSNR over the held-out set. */
export function SrPanel() {
  const t = useT();
  const sr = useStore((s) => s.blindsrEvaluation?.sr ?? null);
  const scale = useStore((s) => s.config.blindsr.scale);
  const stage = useStore((s) => s.config.blindsr.stage);
  const example = sr?.example;
  return (
    <section className="panel" aria-labelledby="sr-title" data-panel="sr">
      <header className="panel-header">
        <h2 id="sr-title">{t('panel.sr.title', { scale })}</h2>
      </header>
      <p className="caption">{t('panel.sr.caption')}</p>
      {sr && example ? (
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
          <table className="psnr-table">
            <tbody>
              <tr>
                <th>{t('panel.sr.bicubic')}</th>
                <td>{sr.psnrBicubic.toFixed(2)} dB</td>
              </tr>
              <tr>
                <th>{t('panel.sr.sr')}</th>
                <td data-testid="psnr-value">{sr.psnrSr.toFixed(2)} dB</td>
              </tr>
              <tr>
                <th>{t('panel.sr.withoutRepresentation')}</th>
                <td>{sr.psnrSrWithoutRepresentation.toFixed(2)} dB</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p className="empty">{stage === 1 ? t('panel.sr.stage1') : t('transport.loading')}</p>
      )}
    </section>
  );
}
