/**
 * The part of tfjs-core's registrations this playground uses. tfjs-core registers neither
 * gradients nor chained ops (x.add(y)) by itself; the union package registers all of them
 * (~150 gradients, ~140 chained ops, with every op they import: 0.28 MB of the worker's
 * 1 MB body, which a first load fetches, compiles and evaluates before its first step).
 * Here: the gradients of the kernels our models differentiate (every lab's step in the
 * wasm tests, which import this file: a missing one fails there with tfjs' "gradient
 * function not found"), a few close relatives, and the chained ops src/ calls
 * (tf-ops.test.ts finds every `.op(` call in src/ and fails on one not listed here).
 *
 * Namespace imports: the unit tests alias tfjs-core's dist/ files to an empty module (they
 * run the union bundle, where all of this is registered already).
 */
import { registerGradient, type GradConfig } from '@tensorflow/tfjs-core';
import * as absGrad from '@tensorflow/tfjs-core/dist/gradients/Abs_grad';
import * as addGrad from '@tensorflow/tfjs-core/dist/gradients/Add_grad';
import * as addNGrad from '@tensorflow/tfjs-core/dist/gradients/AddN_grad';
import * as batchMatMulGrad from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad';
import * as castGrad from '@tensorflow/tfjs-core/dist/gradients/Cast_grad';
import * as clipByValueGrad from '@tensorflow/tfjs-core/dist/gradients/ClipByValue_grad';
import * as concatGrad from '@tensorflow/tfjs-core/dist/gradients/Concat_grad';
import * as conv2DGrad from '@tensorflow/tfjs-core/dist/gradients/Conv2D_grad';
import * as conv2DBackpropInputGrad from '@tensorflow/tfjs-core/dist/gradients/Conv2DBackpropInput_grad';
import * as expGrad from '@tensorflow/tfjs-core/dist/gradients/Exp_grad';
import * as expandDimsGrad from '@tensorflow/tfjs-core/dist/gradients/ExpandDims_grad';
import * as identityGrad from '@tensorflow/tfjs-core/dist/gradients/Identity_grad';
import * as leakyReluGrad from '@tensorflow/tfjs-core/dist/gradients/LeakyRelu_grad';
import * as logGrad from '@tensorflow/tfjs-core/dist/gradients/Log_grad';
import * as logSoftmaxGrad from '@tensorflow/tfjs-core/dist/gradients/LogSoftmax_grad';
import * as maxGrad from '@tensorflow/tfjs-core/dist/gradients/Max_grad';
import * as maximumGrad from '@tensorflow/tfjs-core/dist/gradients/Maximum_grad';
import * as minimumGrad from '@tensorflow/tfjs-core/dist/gradients/Minimum_grad';
import * as multiplyGrad from '@tensorflow/tfjs-core/dist/gradients/Multiply_grad';
import * as negGrad from '@tensorflow/tfjs-core/dist/gradients/Neg_grad';
import * as packGrad from '@tensorflow/tfjs-core/dist/gradients/Pack_grad';
import * as padV2Grad from '@tensorflow/tfjs-core/dist/gradients/PadV2_grad';
import * as powGrad from '@tensorflow/tfjs-core/dist/gradients/Pow_grad';
import * as realDivGrad from '@tensorflow/tfjs-core/dist/gradients/RealDiv_grad';
import * as reluGrad from '@tensorflow/tfjs-core/dist/gradients/Relu_grad';
import * as reshapeGrad from '@tensorflow/tfjs-core/dist/gradients/Reshape_grad';
import * as reverseGrad from '@tensorflow/tfjs-core/dist/gradients/Reverse_grad';
import * as rsqrtGrad from '@tensorflow/tfjs-core/dist/gradients/Rsqrt_grad';
import * as sliceGrad from '@tensorflow/tfjs-core/dist/gradients/Slice_grad';
import * as softmaxGrad from '@tensorflow/tfjs-core/dist/gradients/Softmax_grad';
import * as sqrtGrad from '@tensorflow/tfjs-core/dist/gradients/Sqrt_grad';
import * as squareGrad from '@tensorflow/tfjs-core/dist/gradients/Square_grad';
import * as squaredDifferenceGrad from '@tensorflow/tfjs-core/dist/gradients/SquaredDifference_grad';
import * as stepGrad from '@tensorflow/tfjs-core/dist/gradients/Step_grad';
import * as subGrad from '@tensorflow/tfjs-core/dist/gradients/Sub_grad';
import * as tileGrad from '@tensorflow/tfjs-core/dist/gradients/Tile_grad';
import * as transposeGrad from '@tensorflow/tfjs-core/dist/gradients/Transpose_grad';
import * as unpackGrad from '@tensorflow/tfjs-core/dist/gradients/Unpack_grad';
import '@tensorflow/tfjs-core/dist/public/chained_ops/abs';
import '@tensorflow/tfjs-core/dist/public/chained_ops/add';
import '@tensorflow/tfjs-core/dist/public/chained_ops/arg_max';
import '@tensorflow/tfjs-core/dist/public/chained_ops/cast';
import '@tensorflow/tfjs-core/dist/public/chained_ops/clip_by_value';
import '@tensorflow/tfjs-core/dist/public/chained_ops/div';
import '@tensorflow/tfjs-core/dist/public/chained_ops/equal';
import '@tensorflow/tfjs-core/dist/public/chained_ops/exp';
import '@tensorflow/tfjs-core/dist/public/chained_ops/leaky_relu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/log';
import '@tensorflow/tfjs-core/dist/public/chained_ops/mat_mul';
import '@tensorflow/tfjs-core/dist/public/chained_ops/mean';
import '@tensorflow/tfjs-core/dist/public/chained_ops/mul';
import '@tensorflow/tfjs-core/dist/public/chained_ops/neg';
import '@tensorflow/tfjs-core/dist/public/chained_ops/pad';
import '@tensorflow/tfjs-core/dist/public/chained_ops/relu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/reshape';
import '@tensorflow/tfjs-core/dist/public/chained_ops/reverse';
import '@tensorflow/tfjs-core/dist/public/chained_ops/rsqrt';
import '@tensorflow/tfjs-core/dist/public/chained_ops/slice';
import '@tensorflow/tfjs-core/dist/public/chained_ops/split';
import '@tensorflow/tfjs-core/dist/public/chained_ops/sqrt';
import '@tensorflow/tfjs-core/dist/public/chained_ops/square';
import '@tensorflow/tfjs-core/dist/public/chained_ops/squeeze';
import '@tensorflow/tfjs-core/dist/public/chained_ops/step';
import '@tensorflow/tfjs-core/dist/public/chained_ops/sub';
import '@tensorflow/tfjs-core/dist/public/chained_ops/sum';
import '@tensorflow/tfjs-core/dist/public/chained_ops/tile';
import '@tensorflow/tfjs-core/dist/public/chained_ops/transpose';
import { meanGradient, sumGradient } from './reduce-gradients';

const gradients: Record<string, GradConfig>[] = [
  absGrad,
  addGrad,
  addNGrad,
  batchMatMulGrad,
  castGrad,
  clipByValueGrad,
  concatGrad,
  conv2DGrad,
  conv2DBackpropInputGrad,
  expGrad,
  expandDimsGrad,
  identityGrad,
  leakyReluGrad,
  logGrad,
  logSoftmaxGrad,
  maxGrad,
  maximumGrad,
  minimumGrad,
  multiplyGrad,
  negGrad,
  packGrad,
  padV2Grad,
  powGrad,
  realDivGrad,
  reluGrad,
  reshapeGrad,
  reverseGrad,
  rsqrtGrad,
  sliceGrad,
  softmaxGrad,
  sqrtGrad,
  squareGrad,
  squaredDifferenceGrad,
  stepGrad,
  subGrad,
  tileGrad,
  transposeGrad,
  unpackGrad,
];
for (const config of gradients.flatMap((module) => Object.values(module))) registerGradient(config);
// ours (reduce-gradients.ts): the ones filled by the backend, not made in JS; registered in the unit tests too
registerGradient(sumGradient);
registerGradient(meanGradient);
