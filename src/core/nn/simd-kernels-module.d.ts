/** The AssemblyScript kernels (assembly/kernels.ts), built by scripts/kernels.mjs. */
declare module 'virtual:simd-kernels' {
  /** base64 of the build that imports a plain WebAssembly.Memory */
  export const plain: string;
  /** base64 of the build that imports a shared WebAssembly.Memory (threaded tfjs-wasm) */
  export const shared: string;
  /** the same two with relaxed SIMD's fused multiply-add (engines that validate them) */
  export const plainFma: string;
  export const sharedFma: string;
}
