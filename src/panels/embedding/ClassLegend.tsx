import { shapeClasses, type ShapeClass } from '../../data/shapes';
import { useT } from '../../state/useT';
import { categoricalColors } from '../common/colors';

const isShape = (name: string): name is ShapeClass =>
  (shapeClasses as readonly string[]).includes(name);

/** One swatch per class in the scatter's colours (shape names translated), and the held-out ring. */
export function ClassLegend({ classNames }: { classNames: string[] }) {
  const t = useT();
  return (
    <ul className="chart-legend">
      {classNames.map((name, i) => (
        <li key={name}>
          <span
            className="swatch"
            style={{ background: categoricalColors[i % categoricalColors.length] }}
          />
          {isShape(name) ? t(`shape.${name}`) : name}
        </li>
      ))}
      <li>
        <span className="swatch ring" /> {t('panel.embedding.heldOut')}
      </li>
    </ul>
  );
}
