import { useT } from '../i18n/useT';
import { loadWeights, requestWeights } from '../state/actions';
import type { MessageKey } from '../i18n';
import {
  exportAllPng,
  exportConfig,
  exportCsv,
  exportPanelPng,
  exportPanelSvg,
  exportPytorch,
} from '../state/export-actions';
import { useStore } from '../state/store';

const panelsByLab = {
  simclr: ['views', 'similarity', 'loss', 'embedding'],
  blindsr: ['degradation', 'queue', 'bsr-loss', 'bsr-embedding', 'sr'],
} as const;

/** Each panel's name in the menu is its title; chart panels (SVG on screen) also export SVG. */
const panelTitles: Record<string, MessageKey> = {
  views: 'panel.views.title',
  similarity: 'panel.similarity.title',
  loss: 'panel.loss.title',
  embedding: 'panel.embedding.title',
  degradation: 'panel.degradation.title',
  queue: 'panel.queue.title',
  'bsr-loss': 'panel.bsrLoss.title',
  'bsr-embedding': 'panel.bsrEmbedding.title',
  sr: 'panel.sr.title',
};
const svgPanels = new Set(['loss', 'bsr-loss']);

/** Everything the user may take away: panels as PNG, metrics, configuration, weights. */
export function ExportMenu() {
  const t = useT();
  const lab = useStore((s) => s.config.lab);
  const scale = useStore((s) => s.config.blindsr.scale);
  return (
    <details className="export-menu">
      <summary data-testid="export-menu">{t('export.button')}</summary>
      <div className="export-items">
        <span className="muted">{t('export.png')}</span>
        <button type="button" data-testid="export-png-all" onClick={() => void exportAllPng()}>
          {t('export.all')}
        </button>
        {panelsByLab[lab].map((panel) => {
          const name = t(panelTitles[panel], { scale });
          return (
            <span className="export-pair" key={panel}>
              <button
                type="button"
                data-testid={`export-png-${panel}`}
                onClick={() => void exportPanelPng(panel)}
              >
                {t('export.pngItem', { name })}
              </button>
              {svgPanels.has(panel) ? (
                <button
                  type="button"
                  data-testid={`export-svg-${panel}`}
                  aria-label={t('export.svgItem', { name })}
                  onClick={() => void exportPanelSvg(panel)}
                >
                  SVG
                </button>
              ) : null}
            </span>
          );
        })}
        <button type="button" data-testid="export-csv" onClick={exportCsv}>
          {t('export.csv')}
        </button>
        <button type="button" data-testid="export-config" onClick={exportConfig}>
          {t('export.config')}
        </button>
        <button
          type="button"
          data-testid="export-pytorch"
          title={t(lab === 'simclr' ? 'export.pytorchHelp' : 'export.pytorchHelpBlindSr')}
          onClick={exportPytorch}
        >
          {t('export.pytorch')}
        </button>
        <button type="button" data-testid="export-weights" onClick={requestWeights}>
          {t('export.weights')}
        </button>
        <label className="upload-button">
          {t('export.loadWeights')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="load-weights"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void loadWeights(file);
            }}
          />
        </label>
      </div>
    </details>
  );
}
