import { updateConfig } from '../../state/actions';
import type { SimilarityMode } from '../../state/config';
import { useStore } from '../../state/store';
import { useT } from '../../state/useT';

const modes: SimilarityMode[] = ['cosine', 'logits', 'softmax'];

/** What the matrix's cells show: cosine similarity, logits s/τ, or each row's softmax. */
export function ModeSelect() {
  const t = useT();
  const mode = useStore((s) => s.config.similarityMode);
  return (
    <label className="inline-control">
      {t('panel.similarity.mode')}{' '}
      <select
        data-testid="similarity-mode"
        value={mode}
        onChange={(e) => updateConfig({ similarityMode: e.target.value as SimilarityMode })}
      >
        {modes.map((m) => (
          <option key={m} value={m}>
            {t(`panel.similarity.mode.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
