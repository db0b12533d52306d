import { figures } from '../lessons/figures';
import { playUntil, updateBlindSr } from './actions';
import { useStore, type PlaygroundState } from './store';

/**
 * Stage 2 trains upsamplers on what the encoder says about the blur: on an untrained
 * encoder (no stage-1 step in this model) that is noise, and its "gain" too.
 */
export function encoderUntrained(s: PlaygroundState): boolean {
  return (
    s.config.lab === 'blindsr' &&
    s.config.blindsr.stage === 2 &&
    s.history.loss.length === 0 &&
    s.stage1First === null
  );
}

/** Runs stage 1 to its default budget, then switches to stage 2. */
export function trainStage1First(): Promise<void> {
  const { run } = useStore.getState();
  const toStep = run.step + figures.stage1Budget;
  useStore.setState({ stage1First: { fromStep: run.step, toStep } });
  updateBlindSr({ stage: 1 });
  playUntil(toStep);
  return new Promise((resolve) => {
    const check = (s: PlaygroundState) => {
      const done =
        s.run.step >= toStep && !s.run.running && s.blindsrEvaluation?.step === s.run.step;
      // a rebuild, a reset or a failure ends it too
      const abandoned = s.run.error !== null || s.run.step < run.step || s.config.lab !== 'blindsr';
      if (!done && !abandoned) return;
      unsubscribe();
      useStore.setState({ stage1First: null });
      if (done) updateBlindSr({ stage: 2 });
      resolve();
    };
    const unsubscribe = useStore.subscribe(check);
  });
}
