import { useT } from '../i18n/useT';
import { loadWeights, requestWeights } from '../state/actions';
import { exportConfig, exportCsv, exportPanelPng, exportPytorch } from '../state/export-actions';
import { useStore } from '../state/store';

const panelsByLab = {
  simclr: ['views', 'similarity', 'loss', 'embedding'],
  blindsr: ['degradation', 'queue', 'bsr-loss', 'bsr-embedding', 'sr'],
} as const;

/** Everything the user may take away: panels as PNG, metrics, configuration, weights. */
export function ExportMenu() {
  const t = useT();
  const lab = useStore((s) => s.config.lab);
  return (
    <details className="export-menu">
      <summary data-testid="export-menu">{t('export.button')}</summary>
      <div className="export-items">
        <span className="muted">{t('export.png')}</span>
        {panelsByLab[lab].map((panel) => (
          <button
            key={panel}
            type="button"
            data-testid={`export-png-${panel}`}
            onClick={() => void exportPanelPng(panel)}
          >
            {panel}.png
          </button>
        ))}
        <button type="button" data-testid="export-csv" onClick={exportCsv}>
          {t('export.csv')}
        </button>
        <button type="button" data-testid="export-config" onClick={exportConfig}>
          {t('export.config')}
        </button>
        {lab === 'simclr' ? (
          <button
            type="button"
            data-testid="export-pytorch"
            title={t('export.pytorchHelp')}
            onClick={exportPytorch}
          >
            {t('export.pytorch')}
          </button>
        ) : null}
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
