/** Sizes of the Blind-SR lab's images, patches and kernels; fixed, not settings. */

/**
 * LR images are 48², cut into four 24² quadrants (the encoder is sized for 24²
 * patches). The two patches of an image are two *different* quadrants: overlapping
 * patches would share content, and matching content would solve the task without
 * looking at the degradation at all.
 */
export const lowSize = 48;
export const patchSize = 24;
/**
 * Blur kernel side: 21 × 21 at both scales, as DASR (kernel_size 21). A 13 × 13 kernel
 * truncates a σ = 4 Gaussian at ±1.5σ (σ 3 acted like 2.73 after renormalising).
 */
export const blurKernelSize = 21;
/** the same at ×2 and ×4 (kept as a function of the scale for callers) */
export const kernelSizeFor = (_scale: number): number => blurKernelSize;

/** HR crops per stage-2 step, and held-out crops for PSNR. */
export const srBatch = 8;
