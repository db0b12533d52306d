import { currentClient } from './actions';
import { download } from './download';
import { useStore } from './store';

/** The model's weights out of the worker (a download) and back in (a file), as requests. */

/** Downloads the current model's weights (nothing happens before a model is built). */
export function requestWeights(): void {
  currentClient()
    ?.request({ type: 'exportWeights' })
    .then(
      ({ file }) =>
        download(
          `weights-${file.lab}.json`,
          new Blob([JSON.stringify(file)], { type: 'application/json' }),
        ),
      // no model yet, or the worker failed (its error banner says so)
      () => undefined,
    );
}

export async function loadWeights(file: File): Promise<void> {
  const client = currentClient();
  if (!client) return;
  const request = client.request({ type: 'importWeights', text: await file.text() });
  const reply = await request.catch(() => null);
  if (reply?.type === 'weightsLoaded')
    useStore.setState({ toast: { key: 'export.weightsLoaded' } });
  else if (reply?.type === 'weightsRejected')
    useStore.setState({
      toast: { key: 'export.weightsRejected', params: { message: reply.message } },
    });
}
