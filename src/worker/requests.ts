import type { LabRunner } from './lab-runner';
import { SimclrRunner } from './simclr-runner';
import { errorMessage } from './failures';
import type { ReplyTo, RequestOf, RequestType, StageUpdate, WorkerToPage } from './protocol';
import type { SerialQueue } from './serial';
import { lossOfLastBatch, probeGradients, probeStages } from './stage-probe';
import { exportWeights, importWeights, profileStep } from './tools';

/** What answering a request needs from the training loop. */
export interface RequestHost {
  readonly runner: LabRunner | null;
  readonly lab: 'simclr' | 'blindsr' | null;
  /** one step as the Step button takes it, status included; false when training failed */
  step(): Promise<boolean>;
  /** every panel shows the model as it is now, without a step */
  repaint(runner: LabRunner): Promise<void>;
}

export interface Answer {
  reply: ReplyTo[RequestType];
  transfer?: Transferable[];
}

/** A request that cannot be answered now; not a failure of training. */
export class RequestError extends Error {}

/**
 * One reply per request, with the request's id: its answer, or `requestFailed` saying why
 * there is none. Run in turn with the model's other operations (`serial`); a failure that
 * is not the request's own (`RequestError`) is a failure of training too (`fail`).
 */
export function replyInTurn(
  serial: SerialQueue,
  message: RequestOf<RequestType>,
  host: RequestHost,
  post: (message: WorkerToPage, transfer?: Transferable[]) => void,
  fail: (error: unknown) => void,
): void {
  const { id } = message;
  serial
    .run(() => answerRequest(message, host))
    .then(
      ({ reply, transfer }) => post({ ...reply, id } as WorkerToPage, transfer),
      (error: unknown) => {
        post({ type: 'requestFailed', id, message: errorMessage(error) });
        if (!(error instanceof RequestError)) fail(error);
      },
    );
}

export async function answerRequest(
  message: RequestOf<RequestType>,
  host: RequestHost,
): Promise<Answer> {
  const { runner, lab } = host;
  if (message.type === 'stageProbe') {
    const probe = runner instanceof SimclrRunner ? await probeStages(runner.trainer) : null;
    return {
      reply: { type: 'stageProbe', probe },
      transfer: probe ? [probe.h.buffer, probe.z.buffer] : [],
    };
  }
  if (message.type === 'stageStep')
    return { reply: { type: 'stageUpdate', update: await stageStep(host) } };
  if (!runner || !lab) throw new RequestError('no model yet');
  switch (message.type) {
    case 'exportWeights':
      return { reply: await exportWeights(runner, lab) };
    case 'profile':
      return { reply: await profileStep(runner) };
    case 'importWeights': {
      const reply = importWeights(runner, lab, message.text);
      // the loaded model on every panel at once: matrix, accuracies, a fresh evaluation
      if (reply.type === 'weightsLoaded') await host.repaint(runner);
      return { reply };
    }
  }
}

/** Stage mode "update": the gradients of the batch on screen, one step, the loss after. */
async function stageStep(host: RequestHost): Promise<StageUpdate | null> {
  const runner = host.runner;
  if (!(runner instanceof SimclrRunner)) {
    await host.step();
    return null;
  }
  const before = await probeGradients(runner.trainer);
  const trained = await host.step();
  if (!before || !trained) return null;
  return {
    step: runner.step,
    layers: before.layers,
    lossBefore: before.loss,
    lossAfter: await lossOfLastBatch(runner.trainer),
  };
}
