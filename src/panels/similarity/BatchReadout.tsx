import { useMemo } from 'react';
import type { SimclrSnapshot } from '../../core/simclr/types';
import { ntXentFromSimilarity, positiveOf } from '../../core/simclr/similarity';
import { useT } from '../../state/useT';
import { useStore } from '../../state/store';

/** Mean cosine of each view with its positive (the other view of its image). */
function meanPositiveCosine(similarity: Float32Array, viewCount: number): number {
  let total = 0;
  for (let row = 0; row < viewCount; row++)
    total += similarity[row * viewCount + positiveOf(row, viewCount)];
  return total / Math.max(1, viewCount);
}

/**
 * The batch's number under the matrix, named for what the method trains: NT-Xent at τ for
 * SimCLR; the positive-only loss without negatives; for MoCo the in-batch NT-Xent is only
 * a diagnostic (it trains InfoNCE against the queue); SimSiam and BYOL have no τ, so the
 * matrix's own number is the mean positive cosine their loss pushes towards 1.
 */
export function BatchReadout({
  snapshot,
  temperature,
}: {
  snapshot: SimclrSnapshot;
  temperature: number;
}) {
  const t = useT();
  const noNegatives = useStore((s) => s.config.simclr.noNegatives);
  const viewCount = snapshot.batchSize * 2;
  const { method, similarity } = snapshot;
  const text = useMemo(() => {
    const tau = temperature.toFixed(2);
    if (method === 'simsiam' || method === 'byol')
      return t('panel.similarity.positiveCosine', {
        value: meanPositiveCosine(similarity, viewCount).toFixed(4),
        method: method === 'simsiam' ? 'SimSiam' : 'BYOL',
      });
    if (method === 'simclr' && noNegatives)
      return t('panel.similarity.batchPositiveOnly', {
        tau,
        loss: (-meanPositiveCosine(similarity, viewCount) / temperature).toFixed(4),
      });
    const loss = ntXentFromSimilarity(similarity, viewCount, temperature).toFixed(4);
    if (method === 'moco')
      return t('panel.similarity.batchLossMoco', {
        tau,
        loss,
        k: snapshot.queue?.capacity ?? 0,
      });
    return t('panel.similarity.batchLoss', { tau, loss });
  }, [t, method, similarity, viewCount, temperature, noNegatives, snapshot.queue?.capacity]);
  return (
    <span data-testid="batch-loss" data-method={method} className="batch-loss">
      {text}
    </span>
  );
}
