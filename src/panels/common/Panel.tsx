import type { ReactNode } from 'react';
import type { PanelId } from '../../core/app-types';
import { focusedPanel, registerPanelElement } from '../../state/panels';
import { useStore } from '../../state/store';
import './common.css';

/**
 * The one shell every panel uses: a titled section that registers itself (export, lesson
 * scrolling) and carries `data-focused` when a lesson step or a training stage points at
 * it (one CSS rule draws that).
 */
export function Panel({
  id,
  title,
  className,
  actions,
  attributes,
  children,
}: {
  id: PanelId;
  title: ReactNode;
  /** extra classes for the panel's own layout */
  className?: string;
  /** beside the title: a mode select, a fill gauge */
  actions?: ReactNode;
  /** `data-*` and test hooks of this panel */
  attributes?: Record<string, string | number | undefined>;
  children: ReactNode;
}) {
  const focused = useStore((s) => focusedPanel(s) === id);
  return (
    <section
      ref={(element) => registerPanelElement(id, element)}
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={`${id}-title`}
      data-panel={id}
      data-focused={focused ? 'true' : undefined}
      {...attributes}
    >
      <header className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
