import { blindsrStages, simclrStages } from '../lessons/lessons';
import { pause, preview, step } from './actions';
import { setView, useStore } from './store';

/** The stages of the current lab's training step. */
export function currentStages() {
  return useStore.getState().config.lab === 'simclr' ? simclrStages : blindsrStages;
}

export function enterStageMode(): void {
  pause();
  setView({ stageMode: true, stageIndex: 0 });
  // show the batch the next step will train on (already shown before the first step)
  const { snapshot, config } = useStore.getState();
  if (config.lab === 'simclr' && !snapshot?.pending) preview();
}

export function exitStageMode(): void {
  setView({ stageMode: false, stageIndex: 0, slowMotion: false });
}

/**
 * Next stage; entering the last one ("update") trains on the batch the earlier stages
 * showed (the worker keeps the previewed batch for the next step).
 */
export function nextStage(): void {
  const { view } = useStore.getState();
  const stages = currentStages();
  const next = (view.stageIndex + 1) % stages.length;
  setView({ stageIndex: next });
  if (next === stages.length - 1) step();
  // back at the start: draw the batch the next step will use, so every stage shows it
  if (next === 0) preview();
}
