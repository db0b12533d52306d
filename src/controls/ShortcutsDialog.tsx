import { useEffect, useRef } from 'react';
import { useT } from '../state/useT';
import { setView, useStore } from '../state/store';
import './controls.css';

/** The "?" dialog: every keyboard shortcut, in the current language. */
export function ShortcutsDialog() {
  const t = useT();
  const open = useStore((s) => s.view.shortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="shortcuts"
      data-testid="shortcuts"
      onClose={() => setView({ shortcutsOpen: false })}
      aria-labelledby="shortcuts-title"
    >
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <dl>
        <dt>
          <kbd>Space</kbd>
        </dt>
        <dd>{t('shortcuts.space')}</dd>
        <dt>
          <kbd>→</kbd>
        </dt>
        <dd>{t('shortcuts.right')}</dd>
        <dt>
          <kbd>R</kbd>
        </dt>
        <dd>{t('shortcuts.reset')}</dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>{t('shortcuts.help')}</dd>
      </dl>
      <form method="dialog">
        <button type="submit">{t('lessons.close')}</button>
      </form>
    </dialog>
  );
}
