import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../i18n';
import { useT } from '../state/useT';
import { stageCatalogue, stagesOf } from '../lessons/lessons';
import { useStore } from '../state/store';
import './controls.css';

/** Is `stage` reached in step-by-stage mode? Outside stage mode everything is shown. */
export function useStageReached(stage: string): { reached: boolean; current: boolean } {
  const { lab, pipeline, stageMode, stageIndex } = useStore(
    useShallow((s) => ({
      lab: s.config.lab,
      pipeline: s.config.blindsr.pipeline,
      stageMode: s.view.stageMode,
      stageIndex: s.view.stageIndex,
    })),
  );
  if (!stageMode) return { reached: true, current: false };
  const index = stagesOf(lab, pipeline).findIndex((s) => s.id === stage);
  return { reached: index < 0 || stageIndex >= index, current: stageIndex === index };
}

/**
 * Step by stage reveals, it does not just highlight: before its stage runs, a stage's
 * output is a "pending" box; from its stage on, the output itself, marked for tests.
 */
export function StageGate({
  stage,
  children,
  className,
  mark = true,
}: {
  stage: string;
  children: ReactNode;
  className?: string;
  /** false: a secondary view of the stage's output, not marked as its output for tests */
  mark?: boolean;
}) {
  const t = useT();
  const { lab, pipeline, stageMode, stageIndex } = useStore(
    useShallow((s) => ({
      lab: s.config.lab,
      pipeline: s.config.blindsr.pipeline,
      stageMode: s.view.stageMode,
      stageIndex: s.view.stageIndex,
    })),
  );
  if (!stageMode) return <>{children}</>;
  const index = stagesOf(lab, pipeline).findIndex((s) => s.id === stage);
  if (index < 0) return <>{children}</>;
  if (stageIndex < index)
    return (
      <div
        className="stage-pending"
        data-testid={mark ? 'stage-pending' : undefined}
        data-stage={stage}
      >
        {t('stage.pending', {
          n: index + 1,
          name: t(`stage.${stageCatalogue(lab, pipeline)}.${stage}` as MessageKey),
        })}
      </div>
    );
  return (
    <div
      className={`stage-output${stageIndex === index ? ' current' : ''}${className ? ` ${className}` : ''}`}
      data-testid={mark ? 'stage-output' : undefined}
      data-stage={stage}
    >
      {children}
    </div>
  );
}
