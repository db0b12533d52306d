/** A chart's legend: a short line (solid, the reference dash or a pin's dash) and a label. */
export function Legend({
  items,
}: {
  /** `dashed`: true for the reference dash, or a dash pattern of its own (a pinned run) */
  items: { label: string; color: string; dashed?: boolean | string }[];
}) {
  return (
    <ul className="chart-legend">
      {items.map((item, index) => (
        <li key={`${item.label}-${index}`}>
          <svg width={24} height={8} aria-hidden="true">
            <line
              x1={0}
              x2={24}
              y1={4}
              y2={4}
              stroke={item.color}
              strokeWidth={2}
              strokeDasharray={
                typeof item.dashed === 'string' ? item.dashed : item.dashed ? '4 3' : undefined
              }
            />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
