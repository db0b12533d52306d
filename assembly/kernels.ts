// AssemblyScript SIMD kernels for the hot spots of the wasm training step (the profile:
// docs/PERFORMANCE.md).
// They run inside the memory of tfjs' own wasm backend (imported, shared in the threaded
// build): every pointer is a byte offset of a tensor tfjs already holds
// (backend.dataIdMap.get(dataId).memoryOffset), so nothing is copied in or out. This module
// owns no memory of its own: no data segments, no heap, no shadow stack (--runtime stub,
// nothing allocated); per-channel scratch is a block the caller malloc'ed from tfjs' heap.
// Layouts are tfjs' NHWC; a batch-norm input is viewed as [rows, C] with rows = B·H·W.
// Built by scripts/kernels.mjs (npm's assemblyscript), never checked in as a binary.

export { convFilterGradient } from './conv';
export { convForward } from './conv-forward';
export { convWinograd, convWinogradFilterGradient } from './conv-winograd';
export { flipFilter, polyphaseFilter, channelSum, imageMeans, spreadMeans } from './filters';
export { batchNormForward, batchNormBackward } from './batchnorm';
export { adamStep, momentumStep } from './optim';
export { filmLeakyForward, filmLeakyBackward } from './film';
export { convInputGradient } from './input-gradient';
export { matMul } from './matmul';
export { blurResizeRegion } from './degrade';
export { cropBilinear } from './crop';
export { blurResizeWeights, throughCropWeights } from './weights';
