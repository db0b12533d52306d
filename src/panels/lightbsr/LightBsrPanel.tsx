import { line, scaleLinear } from 'd3';
import { useEffect, useRef } from 'react';
import type { EmbeddingReadout } from '../../core/blindsr/lightbsr';
import type { MessageKey } from '../../i18n/en';
import { useStore, type DistillationPoint } from '../../state/store';
import { useT } from '../../state/useT';
import { ColorLegend } from '../common/ColorLegend';
import { viridisCss } from '../common/colors';
import { Panel } from '../common/Panel';
import { fitDomain } from '../embedding/scatter';
import { LightBsrStageView } from './LightBsrStageView';
import './lightbsr.css';

const size = 180;

/** One model's PCA of the blur grid, coloured by σ. */
function Embedding({
  readout,
  sigma,
  title,
  testId,
}: {
  readout: EmbeddingReadout;
  sigma: Float32Array;
  title: string;
  testId: string;
}) {
  const t = useT();
  const { sigmaMin, sigmaMax } = useStore((s) => s.config.blindsr);
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, size, size);
    const domain = fitDomain(readout.points);
    const x = scaleLinear()
      .domain(domain.x)
      .range([8, size - 8]);
    const y = scaleLinear()
      .domain(domain.y)
      .range([size - 8, 8]);
    for (let i = 0; i < sigma.length; i++) {
      context.fillStyle = viridisCss(sigma[i], sigmaMin, sigmaMax);
      context.beginPath();
      context.arc(x(readout.points[i * 2]), y(readout.points[i * 2 + 1]), 4, 0, 2 * Math.PI);
      context.fill();
      context.strokeStyle = '#333';
      context.lineWidth = 0.5;
      context.stroke();
    }
  }, [readout, sigma, sigmaMin, sigmaMax]);
  return (
    <figure className="lightbsr-embedding">
      <figcaption>{title}</figcaption>
      <canvas
        ref={ref}
        width={size}
        height={size}
        data-testid={`${testId}-embedding`}
        role="img"
        aria-label={title}
      />
      <div data-testid={`${testId}-rho`}>
        {t('lightbsr.rho', { value: readout.rho.toFixed(2) })}
      </div>
      <div className="lightbsr-share">
        {t('lightbsr.sigmaShare', { value: readout.sigmaShare.toFixed(2) })}
      </div>
    </figure>
  );
}

const curveWidth = 320;
const curveHeight = 120;
const terms = ['kl', 'l1', 'mse'] as const;
const termColours = { kl: '#1f77b4', l1: '#d62728', mse: '#2ca02c' };

/** KL, L1 and MSE of each distillation step (every evaluation), on a log scale of their own maxima. */
function DistillationCurves({ points }: { points: DistillationPoint[] }) {
  const t = useT();
  if (points.length === 0) return <p className="caption">{t('lightbsr.noDistillation')}</p>;
  const x = scaleLinear()
    .domain([points[0].step, Math.max(points[points.length - 1].step, points[0].step + 1)])
    .range([30, curveWidth - 8]);
  return (
    <svg
      width={curveWidth}
      height={curveHeight}
      data-testid="distillation-curves"
      role="img"
      aria-label={t('lightbsr.distillation')}
    >
      {terms.map((term) => {
        const max = Math.max(...points.map((p) => p[term]), 1e-9);
        const y = scaleLinear()
          .domain([0, max])
          .range([curveHeight - 16, 8]);
        const path = line<DistillationPoint>()
          .x((p) => x(p.step))
          .y((p) => y(p[term]))(points);
        return (
          <path
            key={term}
            d={path ?? ''}
            fill="none"
            stroke={termColours[term]}
            strokeWidth={1.5}
            data-testid={`distillation-${term}`}
          />
        );
      })}
      {terms.map((term, i) => (
        <text key={term} x={34 + i * 90} y={curveHeight - 2} fill={termColours[term]} fontSize={11}>
          {`${t(`lightbsr.term.${term}` as MessageKey)} ${points[points.length - 1][term].toFixed(3)}`}
        </text>
      ))}
    </svg>
  );
}

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
          <Embedding
            readout={evaluation.teacher}
            sigma={evaluation.sigma}
            title={t('lightbsr.teacher')}
            testId="teacher"
          />
          <Embedding
            readout={evaluation.student}
            sigma={evaluation.sigma}
            title={t('lightbsr.student')}
            testId="student"
          />
          <Embedding
            readout={evaluation.contrastStudent}
            sigma={evaluation.sigma}
            title={t('lightbsr.contrastStudent')}
            testId="contrast-student"
          />
          <ColorLegend domain={[sigmaMin, sigmaMax]} label="σ" height={size} />
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
