import type { ScaleLinear, Line } from 'd3';
import type { HistoryPoint } from '../../state/history';
import { pinOpacity, pinStrokeWidth } from '../../ui/pin-styles';
import type { Ghost } from '../common/usePinGhosts';
import { dodgeLabels } from './dodge-labels';

/** Pinned runs' curves, under the live ones, each labelled at its end (labels kept apart). */
export function GhostLines({
  ghosts,
  x,
  y,
  path,
  right,
  top,
  bottom,
}: {
  ghosts: Ghost[];
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  path: Line<HistoryPoint>;
  /** the plot's right edge and the band the labels stay in */
  right: number;
  top: number;
  bottom: number;
}) {
  const ghostLabelYs = dodgeLabels(
    ghosts.map((ghost) => {
      const end = ghost.points.findLast((p) => Number.isFinite(p.value));
      return end ? y(end.value) - 5 : NaN;
    }),
    top,
    bottom,
  );

  return (
    <>
      {ghosts.map((ghost, index) => {
        const end = ghost.points.findLast((p) => Number.isFinite(p.value));
        const labelY = ghostLabelYs[index];
        return (
          <g
            key={ghost.id}
            data-testid="pinned-run"
            data-pin={ghost.pinId}
            aria-label={ghost.label}
            className="ghost"
          >
            <title>{ghost.label}</title>
            <path
              d={path(ghost.points) ?? ''}
              fill="none"
              stroke={ghost.color}
              strokeWidth={pinStrokeWidth}
              strokeDasharray={ghost.dash}
              opacity={pinOpacity}
            />
            {end ? (
              <text
                className="ghost-label"
                x={Math.min(x(end.step), right) - 2}
                y={labelY}
                textAnchor="end"
                fill={ghost.color}
              >
                {ghost.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </>
  );
}
