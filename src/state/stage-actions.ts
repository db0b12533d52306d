import { stagesOf } from '../lessons/lessons';
import { pause, preview, requestStageProbe, stageStep, step } from './actions';
import { setView, useStore } from './store';

/** The stages of the current lab's training step. */
export function currentStages() {
  const { config } = useStore.getState();
  return stagesOf(config.lab, config.blindsr.pipeline);
}

/** Index of a stage of the current lab (−1 if it has no such stage). */
export function stageNumber(id: string): number {
  return currentStages().findIndex((stage) => stage.id === id);
}

function clearStageData(): void {
  useStore.setState({ stageData: { probe: null, update: null, updating: false } });
}

export function enterStageMode(): void {
  pause();
  setView({ stageMode: true, stageIndex: 0 });
  clearStageData();
  // show the batch the next step will train on (already shown before the first step)
  const { snapshot, blindsr, lightbsrBatch, config } = useStore.getState();
  if (config.lab === 'simclr') {
    if (!snapshot?.pending) preview();
    requestStageProbe();
  } else if (config.blindsr.pipeline === 'lightbsr') {
    // what the current stage trains on (a drawn batch before its first step)
    if (lightbsrBatch?.stage !== config.blindsr.stage) preview();
  } else if (!blindsr) {
    // a fresh Blind-SR lab: a batch drawn for the stages to show (no training step)
    preview();
  }
}

export function exitStageMode(): void {
  setView({ stageMode: false, stageIndex: 0, slowMotion: false });
}

/**
 * Next stage; entering the last one ("update") trains on the batch the earlier stages
 * showed (the worker keeps the previewed batch for the next step).
 */
export function nextStage(): void {
  const { view, config } = useStore.getState();
  const stages = currentStages();
  const next = (view.stageIndex + 1) % stages.length;
  setView({ stageIndex: next });
  if (next === stages.length - 1) {
    if (config.lab === 'simclr') stageStep();
    else step();
  }
  // back at the start: draw the batch the next step will use, so every stage shows it
  if (next === 0) {
    clearStageData();
    preview();
    if (config.lab === 'simclr') requestStageProbe();
  }
}
