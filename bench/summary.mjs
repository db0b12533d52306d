// The bench's lines per lab, as printed and as written to bench/results/bench.json: first
// what a student sees — the page's whole step (training + data preparation) against
// PyTorch's best thread count — then the training step alone against PyTorch at 2 and 1
// threads (and, at 1 thread, without our SIMD kernels).

export const labNames = {
  simclr: 'simclr',
  blindsr1: 'blindsr stage 1',
  blindsr2: 'blindsr stage 2',
};

/**
 * labs: [{ lab }]; results: the browser runs; references: PyTorch per lab and thread
 * count; oneThread: the node (1-thread) runs. → { summary, summaryLines }
 */
/** PyTorch's fastest of the thread counts it ran: { threads, msPerStep } or null. */
export function pytorchBest(byThreads) {
  let best = null;
  for (const [threads, reference] of Object.entries(byThreads ?? {}))
    if (reference?.msPerStep && (!best || reference.msPerStep < best.msPerStep))
      best = { threads: Number(threads), msPerStep: reference.msPerStep };
  return best;
}

export function summarise(labs, results, references, oneThread) {
  const summary = {};
  const summaryLines = [];
  const seenLines = [];
  for (const { lab } of labs) {
    const wasm = results.find((r) => r.lab === lab && r.backend === 'wasm' && !r.error);
    const torch2 = references[lab]?.['2'];
    const node = oneThread?.[lab];
    const torch1 = references[lab]?.['1'];
    const ratio = (a, b) => (a && b ? a / b : null);
    // wasm figures are the training step without its data preparation (the references
    // train on random tensors); the data milliseconds are kept beside them
    summary[lab] = {
      wasmMsPerStep: wasm?.medianTrainMsPerStep ?? null,
      wasmWithDataMsPerStep: wasm?.medianMsPerStep ?? null,
      wasmDataMsPerStep: wasm?.medianDataMsPerStep ?? null,
      wasmDrawnAheadShare: wasm?.drawnAheadShare ?? null,
      wasmThreads: wasm?.threads ?? null,
      pytorchMsPerStep: torch2?.msPerStep ?? null,
      ratio: ratio(wasm?.medianTrainMsPerStep, torch2?.msPerStep),
      // what the page does per step (train + data) against PyTorch's best thread count
      pytorchBest: pytorchBest(references[lab]),
      seenRatio: ratio(wasm?.medianMsPerStep, pytorchBest(references[lab])?.msPerStep),
      oneThread: {
        wasmMsPerStep: node?.trainMsPerStep ?? null,
        wasmCpuMsPerStep: node?.trainCpuMsPerStep ?? null,
        wasmDataMsPerStep: node?.dataMsPerStep ?? null,
        pytorchMsPerStep: torch1?.msPerStep ?? null,
        pytorchCpuMsPerStep: torch1?.cpuMsPerStep ?? null,
        ratio: ratio(node?.trainMsPerStep, torch1?.msPerStep),
        cpuRatio: ratio(node?.trainCpuMsPerStep, torch1?.cpuMsPerStep),
      },
    };
    const f = (v) => (v == null ? 'n/a' : v.toFixed(v < 10 ? 1 : 0));
    const x = (v) => (v == null ? 'n/a' : `${v.toFixed(1)}×`);
    const s = summary[lab];
    const before = oneThread?.withoutKernels?.[lab];
    summary[lab].oneThread.withoutKernels = before
      ? {
          wasmMsPerStep: before.trainMsPerStep,
          wasmCpuMsPerStep: before.trainCpuMsPerStep,
          cpuRatio: ratio(before.trainCpuMsPerStep, torch1?.cpuMsPerStep),
        }
      : null;
    seenLines.push(
      `${labNames[lab]}: seen ${f(s.wasmWithDataMsPerStep)} ms/step (train ${f(s.wasmMsPerStep)} + data ${f(s.wasmDataMsPerStep)}${s.wasmDrawnAheadShare ? ` on the step's thread, ${Math.round(100 * s.wasmDrawnAheadShare)} % of batches drawn ahead on the data thread` : ''}), PyTorch best ${f(s.pytorchBest?.msPerStep)} ms/step (${s.pytorchBest?.threads ?? '?'} thread${s.pytorchBest?.threads === 1 ? '' : 's'}): seen ratio ${x(s.seenRatio)}`,
    );
    summaryLines.push(
      `${labNames[lab]}: wasm ${f(s.wasmMsPerStep)} ms/step (+ ${f(s.wasmDataMsPerStep)} ms data), PyTorch ${f(s.pytorchMsPerStep)} ms/step, ratio ${x(s.ratio)}` +
        ` (browser ${s.wasmThreads ?? '?'} thread${s.wasmThreads === 1 ? '' : 's'}, PyTorch 2); 1 thread: wasm ${f(s.oneThread.wasmMsPerStep)} ms/step, PyTorch ${f(s.oneThread.pytorchMsPerStep)} ms/step, ratio ${x(s.oneThread.ratio)}` +
        `; CPU time ${f(s.oneThread.wasmCpuMsPerStep)} vs ${f(s.oneThread.pytorchCpuMsPerStep)} ms, ratio ${x(s.oneThread.cpuRatio)}` +
        (before
          ? ` (tfjs ops without our SIMD kernels: ${f(s.oneThread.withoutKernels.wasmCpuMsPerStep)} ms, ${x(s.oneThread.withoutKernels.cpuRatio)})`
          : ''),
    );
  }
  return { summary, summaryLines: [...seenLines, ...summaryLines] };
}
