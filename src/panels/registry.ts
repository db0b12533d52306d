import type { ComponentType } from 'react';
import type { LabId, PanelId } from '../core/app-types';
import type { MessageKey } from '../i18n';
import type { PlaygroundState } from '../state/store';
import { BsrEmbeddingPanel } from './blindsr/BsrEmbeddingPanel';
import { BsrLossPanel } from './blindsr/BsrLossPanel';
import { DegradationPanel } from './blindsr/DegradationPanel';
import { QueuePanel } from './blindsr/QueuePanel';
import { SrPanel } from './blindsr/SrPanel';
import { LightBsrPanel } from './lightbsr/LightBsrPanel';
import { EmbeddingPanel } from './embedding/EmbeddingPanel';
import { LossPanel } from './loss/LossPanel';
import { MocoQueuePanel } from './moco/MocoQueuePanel';
import { SimilarityPanel } from './similarity/SimilarityPanel';
import { StagePanel } from './stages/StagePanel';
import { ViewsPanel } from './views/ViewsPanel';

export interface PanelEntry {
  id: PanelId;
  lab: LabId;
  component: ComponentType;
  /** its title (also its name in the export menu) */
  title: MessageKey;
  /** figure export: 'png', or 'svg' too for charts drawn as SVG; null: not offered */
  exportAs: 'png' | 'svg' | null;
  /** shown only while this holds (a method's own panel, step-by-stage mode) */
  shownWhen?: (state: Pick<PlaygroundState, 'config' | 'view'>) => boolean;
}

/**
 * Every panel, once, in page order. The lab grid, the export menu, lesson focus and the
 * stage highlight all read this list; each panel draws itself inside the one `<Panel>`
 * shell (common/Panel.tsx). Which stage shows in which panel is lesson data
 * (`simclrStages`, `blindsrStages` in lessons/lessons.ts).
 */
/** The DASR pipeline's panels read its snapshot and evaluation; LightBSR has its own. */
const dasrPipeline = (s: Pick<PlaygroundState, 'config'>) => s.config.blindsr.pipeline === 'dasr';

export const panelRegistry: readonly PanelEntry[] = [
  {
    id: 'stages',
    lab: 'simclr',
    component: StagePanel,
    title: 'stage.panel.title',
    exportAs: null,
    shownWhen: (s) => s.view.stageMode,
  },
  {
    id: 'views',
    lab: 'simclr',
    component: ViewsPanel,
    title: 'panel.views.title',
    exportAs: 'png',
  },
  {
    id: 'similarity',
    lab: 'simclr',
    component: SimilarityPanel,
    title: 'panel.similarity.title',
    exportAs: 'png',
  },
  { id: 'loss', lab: 'simclr', component: LossPanel, title: 'panel.loss.title', exportAs: 'svg' },
  {
    id: 'embedding',
    lab: 'simclr',
    component: EmbeddingPanel,
    title: 'panel.embedding.title',
    exportAs: 'png',
  },
  {
    id: 'moco-queue',
    lab: 'simclr',
    component: MocoQueuePanel,
    title: 'panel.mocoQueue.title',
    exportAs: 'png',
    shownWhen: (s) => s.config.simclr.method === 'moco',
  },
  {
    id: 'degradation',
    lab: 'blindsr',
    component: DegradationPanel,
    title: 'panel.degradation.title',
    exportAs: 'png',
    shownWhen: dasrPipeline,
  },
  {
    id: 'queue',
    lab: 'blindsr',
    component: QueuePanel,
    title: 'panel.queue.title',
    exportAs: 'png',
    shownWhen: dasrPipeline,
  },
  {
    id: 'bsr-loss',
    lab: 'blindsr',
    component: BsrLossPanel,
    title: 'panel.bsrLoss.title',
    exportAs: 'svg',
  },
  {
    id: 'bsr-embedding',
    lab: 'blindsr',
    component: BsrEmbeddingPanel,
    title: 'panel.bsrEmbedding.title',
    exportAs: 'png',
    shownWhen: dasrPipeline,
  },
  {
    id: 'sr',
    lab: 'blindsr',
    component: SrPanel,
    title: 'panel.sr.title',
    exportAs: 'png',
    shownWhen: dasrPipeline,
  },
  {
    id: 'lightbsr',
    lab: 'blindsr',
    component: LightBsrPanel,
    title: 'panel.lightbsr.title',
    exportAs: 'png',
    shownWhen: (s) => s.config.blindsr.pipeline === 'lightbsr',
  },
];

/** The panels on screen now, in page order. */
export function visiblePanels(state: Pick<PlaygroundState, 'config' | 'view'>): PanelEntry[] {
  return panelRegistry.filter(
    (panel) => panel.lab === state.config.lab && (panel.shownWhen?.(state) ?? true),
  );
}
