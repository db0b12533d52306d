import type { MessageKey } from '../../i18n/en';
import { useStore } from '../../state/store';
import { useT } from '../../state/useT';
import { chartSizes } from '../common/chart-style';
import { ColorLegend } from '../common/ColorLegend';
import { Panel } from '../common/Panel';
import { DistillationCurves } from './DistillationCurves';
import { ModelEmbedding } from './ModelEmbedding';
import { LightBsrStageView } from './LightBsrStageView';
import './lightbsr.css';

/**
 * LightBSR: the teacher's, the distilled student's and the contrast-only student's
 * embeddings of the blur grid; the distillation terms; the two models' size and step time;
 * in stage 3, PSNR of the upsamplers on each student.
 */
export function LightBsrPanel() {
  const t = useT();
  const report = useStore((s) => s.lightbsr);
  const history = useStore((s) => s.distillationHistory);
  const { sigmaMin, sigmaMax } = useStore((s) => s.config.blindsr);
  const evaluation = report?.evaluation;
  const sr = evaluation?.sr;
  const models = report
    ? ([
        ['teacher', report.readouts.teacher],
        ['student', report.readouts.student],
      ] as const)
    : [];
  return (
    <Panel id="lightbsr" title={t('panel.lightbsr.title')}>
      <LightBsrStageView />
      <p className="caption">{t('panel.lightbsr.caption')}</p>
      <p className="caption" data-testid="lightbsr-measured">
        {t('panel.lightbsr.measured')}
      </p>
      {evaluation ? (
        <div className="lightbsr-embeddings">
          <ModelEmbedding
            readout={evaluation.teacher}
            sigma={evaluation.sigma}
            title={t('lightbsr.teacher')}
            testId="teacher"
          />
          <ModelEmbedding
            readout={evaluation.student}
            sigma={evaluation.sigma}
            title={t('lightbsr.student')}
            testId="student"
          />
          <ModelEmbedding
            readout={evaluation.contrastStudent}
            sigma={evaluation.sigma}
            title={t('lightbsr.contrastStudent')}
            testId="contrast-student"
          />
          <ColorLegend
            domain={[sigmaMin, sigmaMax]}
            label="σ"
            height={chartSizes.modelEmbedding.side}
          />
        </div>
      ) : (
        <p className="caption">{t('lightbsr.waiting')}</p>
      )}
      <h4>{t('lightbsr.distillation')}</h4>
      <DistillationCurves points={history} />
      <table className="lightbsr-models">
        <tbody>
          {models.map(([name, readout]) => (
            <tr key={name} data-testid="model-params">
              <th>{t(`lightbsr.${name}` as MessageKey)}</th>
              <td>{t('lightbsr.params', { value: readout.params.toLocaleString('en-US') })}</td>
              <td>
                {Number.isFinite(readout.msPerStep)
                  ? t('lightbsr.msPerStep', { value: readout.msPerStep.toFixed(0) })
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sr?.student && sr.contrastStudent ? (
        <table className="lightbsr-sr" data-testid="lightbsr-sr">
          <tbody>
            {(
              [
                ['bicubic', sr.student.psnrBicubic],
                ['without', sr.student.psnrSrWithoutRepresentation],
                ['contrastStudent', sr.contrastStudent.psnrSr],
                ['student', sr.student.psnrSr],
                ['oracle', sr.student.psnrOracle],
              ] as const
            ).map(([name, value]) => (
              <tr key={name}>
                <th>{t(`lightbsr.sr.${name}` as MessageKey)}</th>
                <td>{`${value.toFixed(2)} dB`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
