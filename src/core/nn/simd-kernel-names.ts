/** The tfjs kernel names our wasm SIMD kernels register under, and their activation codes. */
export const convForwardName = 'PlaygroundConv2D';
export const filterGradientName = 'PlaygroundConvFilterGradient';
export const inputGradientName = 'PlaygroundConvInputGradient';
export const batchNormForwardName = 'PlaygroundBatchNormForward';
export const batchNormBackwardName = 'PlaygroundBatchNormBackward';
export const flipFilterName = 'PlaygroundFlipFilter';
export const channelSumName = 'PlaygroundChannelSum';
export const imageMeansName = 'PlaygroundImageMeans';
export const spreadMeansName = 'PlaygroundSpreadMeans';
export const centerImagesName = 'PlaygroundCenterImages';
export const polyphaseFilterName = 'PlaygroundPolyphaseFilter';
export const adamName = 'PlaygroundAdam';
export const momentumName = 'PlaygroundMomentum';
export const filmLeakyName = 'PlaygroundFilmLeakyRelu';
export const filmLeakyBackwardName = 'PlaygroundFilmLeakyReluBackward';
export const activationCode = { none: 0, relu: 1, leakyRelu: 2 } as const;
export type KernelActivation = keyof typeof activationCode;
