import { useShallow } from 'zustand/react/shallow';
import type { HistoryPoint } from '../../state/history';
import type { PinMetric } from '../../state/pin-model';
import { pinLabel, usePins } from '../../state/pins';
import { useStore } from '../../state/store';
import { pinStyle } from '../../ui/pin-styles';

/** A pinned run's curve of one metric, as a chart draws it. */
export interface Ghost {
  id: string;
  pinId: string;
  label: string;
  color: string;
  dash: string;
  points: HistoryPoint[];
}

/** The pinned runs shown in this lab: their labels and styles (legend, pin list). */
export function useShownPins(): { id: string; label: string; color: string; dash: string }[] {
  const pins = usePins((s) => s.pins);
  const config = useStore((s) => s.config);
  return pins
    .filter((pin) => pin.settings.lab === config.lab && !pin.hidden)
    .map((pin) => ({ id: pin.id, label: pinLabel(pin, config), ...pinStyle(pin.style) }));
}

/**
 * The ghosts of the shown pinned runs for these metrics. Where a chart has more than
 * one live line, each ghost's label names its metric too ("τ 0.5 · kNN").
 */
export function usePinGhosts(metrics: { metric: PinMetric; name: string }[]): Ghost[] {
  const shown = useShownPins();
  const series = usePins(
    useShallow((s) => Object.fromEntries(s.pins.map((p) => [p.id, p.series]))),
  );
  return shown.flatMap((pin) =>
    metrics.flatMap(({ metric, name }) => {
      const points = series[pin.id]?.[metric];
      if (!points || points.length === 0) return [];
      return [
        {
          id: `${pin.id}-${metric}`,
          pinId: pin.id,
          label: metrics.length > 1 ? `${pin.label} · ${name}` : pin.label,
          color: pin.color,
          dash: pin.dash,
          points,
        },
      ];
    }),
  );
}

/** Legend items of the shown pinned runs, after a chart's own. */
export function usePinLegend(): { label: string; color: string; dashed: string }[] {
  return useShownPins().map((pin) => ({ label: pin.label, color: pin.color, dashed: pin.dash }));
}
