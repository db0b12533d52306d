import { blindsrStages, simclrStages } from '../lessons/lessons';
import { pause, step } from './actions';
import { setView, useStore } from './store';

/** The stages of the current lab's training step. */
export function currentStages() {
  return useStore.getState().config.lab === 'simclr' ? simclrStages : blindsrStages;
}

export function enterStageMode(): void {
  pause();
  setView({ stageMode: true, stageIndex: 0 });
}

export function exitStageMode(): void {
  setView({ stageMode: false, stageIndex: 0, slowMotion: false });
}

/**
 * Next stage; entering the last one ("update") runs the training step, so what the
 * panels show before it is the state the step starts from.
 */
export function nextStage(): void {
  const { view } = useStore.getState();
  const stages = currentStages();
  const next = (view.stageIndex + 1) % stages.length;
  setView({ stageIndex: next });
  if (next === stages.length - 1) step();
}
