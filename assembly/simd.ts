// ---------------------------------------------------------------------------------------
// a·b + c as one fused multiply-add where the engine has relaxed SIMD (the "fma" builds of
// scripts/kernels.mjs: Chrome 114+, node with --experimental-wasm-relaxed-simd), and as a
// multiply and an add elsewhere. Relaxed SIMD lets the engine choose either: the sums differ
// from tfjs' only in rounding. 128-bit wasm SIMD has no other FMA: this is the 2× in the
// inner loops of the convolution gradients (assembly/conv.ts, assembly/input-gradient.ts).

@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}
