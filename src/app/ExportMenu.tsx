import { useT } from '../state/useT';
import { loadWeights, requestWeights } from '../state/weights-actions';
import {
  exportAllPng,
  exportConfig,
  exportCsv,
  exportPanelPng,
  exportPanelSvg,
  exportPytorch,
} from '../state/export-actions';
import { useStore } from '../state/store';
import { useShallow } from 'zustand/react/shallow';
import { visiblePanels } from '../panels/registry';
import '../controls/uploads.css';
import './export-menu.css';

/** Everything the user may take away: panels as PNG, metrics, configuration, weights. */
export function ExportMenu() {
  const t = useT();
  const lab = useStore((s) => s.config.lab);
  const panels = useStore(useShallow(visiblePanels)).filter((panel) => panel.exportAs);
  const scale = useStore((s) => s.config.blindsr.scale);
  return (
    <details className="export-menu">
      <summary data-testid="export-menu">{t('export.button')}</summary>
      <div className="export-items">
        <span className="muted">{t('export.png')}</span>
        <button type="button" data-testid="export-png-all" onClick={() => void exportAllPng()}>
          {t('export.all')}
        </button>
        {panels.map(({ id: panel, title, exportAs }) => {
          const name = t(title, { scale });
          return (
            <span className="export-pair" key={panel}>
              <button
                type="button"
                data-testid={`export-png-${panel}`}
                onClick={() => void exportPanelPng(panel)}
              >
                {t('export.pngItem', { name })}
              </button>
              {exportAs === 'svg' ? (
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
