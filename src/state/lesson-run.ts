import { findLesson, type Lesson } from '../lessons/lessons';
import { meanOfLast, type LessonReadout } from '../lessons/readout';
import { evaluate, pause, playUntil, reset } from './actions';
import { applyLessonPreset } from './lesson-preset';
import { idleLessonRun, type LessonRunState } from './lesson-run-state';
import { useStore, type PlaygroundState } from './store';
import { testHooksEnabled } from './test-hooks';

declare global {
  interface Window {
    /** e2e: the most steps any lesson action trains (the wasm claim tests run the real budgets) */
    __PLAYGROUND_LESSON_BUDGET__?: number;
  }
}

/** The budget a step runs: its own, or the test cap when the test hooks set one. */
function budgetOf(budget: number): number {
  const cap = testHooksEnabled() ? window.__PLAYGROUND_LESSON_BUDGET__ : undefined;
  return cap === undefined ? budget : Math.min(budget, cap);
}

export const lessonKey = (lesson: string, index: number): string => `${lesson}/${index}`;

function setLessonRun(change: Partial<LessonRunState>): void {
  useStore.setState((s) => ({ lessonRun: { ...s.lessonRun, ...change } }));
}

/** What a lesson step reads of the page's run (the claim tests read the trainers alike). */
export function readoutOf(s: PlaygroundState): LessonReadout {
  const stage2 = s.config.lab === 'blindsr' && s.config.blindsr.stage === 2;
  const losses = (stage2 ? s.history.srLoss : s.history.loss).map((p) => p.value);
  return {
    step: s.run.step,
    snapshot: s.config.lab === 'simclr' ? s.snapshot : null,
    embedding: s.config.lab === 'simclr' ? s.embedding : null,
    recentLoss: meanOfLast(losses),
    datasetSize: s.dataset?.images.length ?? null,
    blindsr: s.config.lab === 'blindsr' ? s.blindsr : null,
    evaluation: s.config.lab === 'blindsr' ? s.blindsrEvaluation : null,
    lightbsr: lightbsrPipeline(s) ? s.lightbsr : null,
  };
}

const lightbsrPipeline = (s: PlaygroundState) =>
  s.config.lab === 'blindsr' && s.config.blindsr.pipeline === 'lightbsr';

/** The lab's evaluation has arrived since `before`, for the model's current step. */
function evaluatedSince(before: PlaygroundState, s: PlaygroundState): boolean {
  if (s.config.lab === 'simclr')
    return (
      s.embedding !== before.embedding &&
      s.embedding?.step === s.run.step &&
      s.snapshot?.step === s.run.step
    );
  if (lightbsrPipeline(s))
    // and of the stage now set (stage 3's evaluation carries the SR comparison)
    return (
      s.lightbsr !== before.lightbsr &&
      s.lightbsr?.evaluation.step === s.run.step &&
      s.lightbsr.stage === s.config.blindsr.stage
    );
  return (
    s.blindsrEvaluation !== before.blindsrEvaluation && s.blindsrEvaluation?.step === s.run.step
  );
}

/** Resolves once `ready` holds; rejects when the action was superseded. */
function waitFor(
  ready: (s: PlaygroundState) => boolean,
  token: number,
  retry?: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (s: PlaygroundState) => {
      if (token !== currentToken) return finish(() => reject(new Error('superseded')));
      if (s.run.error) return finish(() => reject(new Error(s.run.error?.message)));
      if (ready(s)) finish(resolve);
    };
    // a rebuild that swallowed the request (no model yet): ask again, now and then
    const timer = retry ? setInterval(retry, 8000) : null;
    const unsubscribe = useStore.subscribe(check);
    function finish(done: () => void) {
      unsubscribe();
      if (timer) clearInterval(timer);
      done();
    }
    check(useStore.getState());
  });
}

/** A fresh evaluation of the model at its current step (and its batch on screen). */
async function freshReadout(token: number): Promise<LessonReadout> {
  const before = useStore.getState();
  const evaluated = (s: PlaygroundState) =>
    evaluatedSince(before, s) &&
    (s.config.lab === 'simclr' || lightbsrPipeline(s) || (s.blindsr?.step ?? 0) === s.run.step);
  evaluate();
  await waitFor(evaluated, token, evaluate);
  return readoutOf(useStore.getState());
}

/** Where the last finished action left the model: its step, and the step count it reached. */
let lastFinished: { key: string; atStep: number } | null = null;
let currentToken = 0;

/** Preset, fresh model unless the step continues, the budget: returns the two readouts. */
async function act(
  lesson: Lesson,
  index: number,
  token: number,
  shown: boolean,
): Promise<{ start: LessonReadout; end: LessonReadout }> {
  const step = lesson.steps[index];
  const key = lessonKey(lesson.id, index);
  if (step.continues && index > 0) {
    const previous = lessonKey(lesson.id, index - 1);
    const run = useStore.getState().run;
    if (lastFinished?.key !== previous || lastFinished.atStep !== run.step || run.step === 0) {
      if (shown) setLessonRun({ preparing: true });
      await act(lesson, index - 1, token, false);
      if (shown) setLessonRun({ preparing: false });
    }
  }
  applyLessonPreset(lesson, index);
  if (!step.continues) reset();
  const start = await freshReadout(token);
  const budget = budgetOf(step.budget);
  const toStep = start.step + budget;
  if (shown) setLessonRun({ fromStep: start.step, toStep });
  let end = start;
  if (budget > 0) {
    const before = useStore.getState();
    playUntil(toStep);
    await waitFor(
      (s) => s.run.step >= toStep && !s.run.running && evaluatedSince(before, s),
      token,
    );
    end = readoutOf(useStore.getState());
  }
  lastFinished = { key, atStep: end.step };
  return { start, end };
}

/** The student chose (an answer or 'skip'): the step's action runs. */
export async function runLessonStep(choice: string): Promise<void> {
  const { config } = useStore.getState();
  const lesson = findLesson(config.lesson);
  if (!lesson) return;
  const index = config.lessonStep;
  const token = ++currentToken;
  setLessonRun({
    ...idleLessonRun,
    key: lessonKey(lesson.id, index),
    choice,
    phase: 'running',
  });
  try {
    const { start, end } = await act(lesson, index, token, true);
    if (token === currentToken) setLessonRun({ phase: 'done', start, end, preparing: false });
  } catch {
    if (token === currentToken) setLessonRun({ phase: 'failed', preparing: false });
  }
}

/** A new step (or lesson) is open: any action still running stops, the question shows. */
export function resetLessonRun(key: string | null): void {
  const wasRunning = useStore.getState().lessonRun.phase === 'running';
  currentToken++;
  if (wasRunning) pause();
  useStore.setState({ lessonRun: { ...idleLessonRun, key } });
}
