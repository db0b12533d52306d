/**
 * tfjs-core registers neither its gradients nor the chained ops (x.add(y)) by itself —
 * the union package '@tensorflow/tfjs' does, along with layers, converter, data and the
 * cpu and webgl backends, which the worker does not need (loading them delays page load → first step). Every
 * entry that runs tfjs (the worker, the wasm tests and benchmarks) imports this first.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
