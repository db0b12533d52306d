/** English: how the app starts — what failed while loading (merged into en.ts). */
export const enLoading = {
  'backendFailure.wasmFile': 'The WebAssembly file could not be loaded: {detail}',
  'backendFailure.other': '{backend}: {message}',
};
