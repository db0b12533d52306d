import type { MessageKey } from '../i18n';
import { useT } from '../state/useT';
import { updateConfig } from '../state/actions';
import { controlGroups, type ControlGroup } from '../state/config';
import { useStore } from '../state/store';
import './controls.css';

/** Which controls a shared link shows: ticked = visible. */
export function InstructorPanel() {
  const t = useT();
  const hidden = useStore((s) => s.config.hidden);
  const toggle = (group: ControlGroup, visible: boolean) =>
    updateConfig({ hidden: visible ? hidden.filter((g) => g !== group) : [...hidden, group] });
  return (
    <section
      className="instructor"
      data-testid="instructor-panel"
      aria-labelledby="instructor-title"
    >
      <h3 id="instructor-title">{t('instructor.title')}</h3>
      <p className="caption">{t('instructor.caption')}</p>
      <div className="instructor-grid">
        {controlGroups.map((group) => (
          <label key={group}>
            <input
              type="checkbox"
              data-testid={`show-${group}`}
              checked={!hidden.includes(group)}
              onChange={(e) => toggle(group, e.target.checked)}
            />{' '}
            {t(`control.${group}` as MessageKey)}
          </label>
        ))}
      </div>
    </section>
  );
}

/** True when the link has not hidden this group of controls. */
export function useVisible(group: ControlGroup): boolean {
  return useStore((s) => !s.config.hidden.includes(group));
}
