/** The AssemblyScript kernels (assembly/kernels.ts), built by scripts/kernels.mjs. */
declare module 'virtual:simd-kernels' {
  /** base64 of the build that imports a plain WebAssembly.Memory */
  export const plain: string;
  /** base64 of the build that imports a shared WebAssembly.Memory (threaded tfjs-wasm) */
  export const shared: string;
}
