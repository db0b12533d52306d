import { line, scaleLinear } from 'd3';
import type { MessageKey } from '../../i18n/en';
import type { DistillationPoint } from '../../state/store';
import { useT } from '../../state/useT';
import { chartColors, chartSizes } from '../common/chart-style';

const { width: curveWidth, height: curveHeight } = chartSizes.distillationCurves;
const terms = ['kl', 'l1', 'mse'] as const;
const termColours = chartColors.distillation;

/** KL, L1 and MSE of each distillation step (every evaluation), each scaled to its own maximum. */
export function DistillationCurves({ points }: { points: DistillationPoint[] }) {
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
