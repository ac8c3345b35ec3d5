/**
 * Every layer type ConvStudio knows, in palette order: the one list the analysis, the importers, both
 * exporters, the trainer, the palette and the inspector read. A new type is a module under types/ and one
 * line here (docs/architecture.md, "Adding a layer type").
 */
import { activation } from './types/activation.ts';
import { batchNormalization } from './types/batch-normalization.ts';
import { elu, leakyRelu, prelu, softmax } from './types/activation-layers.ts';
import { bidirectional } from './types/bidirectional.ts';
import { conv1d } from './types/conv1d.ts';
import { conv2d } from './types/conv2d.ts';
import { conv2dTranspose } from './types/conv2d-transpose.ts';
import { cropping2d } from './types/cropping2d.ts';
import { depthwiseConv2d } from './types/depthwise-conv2d.ts';
import { dense } from './types/dense.ts';
import { dropout } from './types/dropout.ts';
import { flatten } from './types/flatten.ts';
import {
  globalAveragePooling1d,
  globalAveragePooling2d,
  globalMaxPooling1d,
  globalMaxPooling2d,
} from './types/global-pooling.ts';
import { embedding } from './types/embedding.ts';
import { input } from './types/input.ts';
import { layerNormalization } from './types/layer-normalization.ts';
import { randomFlip, randomRotation, randomTranslation, randomZoom } from './types/random-augmentation.ts';
import { rescaling } from './types/rescaling.ts';
import { reshape } from './types/reshape.ts';
import { separableConv2d } from './types/separable-conv2d.ts';
import { upSampling2d } from './types/up-sampling2d.ts';
import { add, average, concatenate, maximum, minimum, multiply, subtract } from './types/merge.ts';
import { alphaDropout, gaussianDropout, gaussianNoise, spatialDropout1d, spatialDropout2d } from './types/noise.ts';
import { permute, repeatVector } from './types/permute-repeat.ts';
import { averagePooling1d, maxPooling1d } from './types/pooling1d.ts';
import { averagePooling2d, maxPooling2d } from './types/pooling2d.ts';
import { gru, lstm, simpleRnn } from './types/recurrent.ts';
import { relu } from './types/relu.ts';
import { zeroPadding2d } from './types/zero-padding2d.ts';

export const LAYER_MODULES = [
  input,
  conv2d,
  depthwiseConv2d,
  separableConv2d,
  conv2dTranspose,
  zeroPadding2d,
  cropping2d,
  maxPooling2d,
  averagePooling2d,
  globalAveragePooling2d,
  globalMaxPooling2d,
  flatten,
  reshape,
  permute,
  upSampling2d,
  dense,
  dropout,
  spatialDropout2d,
  spatialDropout1d,
  gaussianNoise,
  gaussianDropout,
  alphaDropout,
  batchNormalization,
  layerNormalization,
  activation,
  relu,
  leakyRelu,
  prelu,
  elu,
  softmax,
  add,
  concatenate,
  multiply,
  subtract,
  average,
  maximum,
  minimum,
  embedding,
  conv1d,
  maxPooling1d,
  averagePooling1d,
  globalMaxPooling1d,
  globalAveragePooling1d,
  lstm,
  gru,
  simpleRnn,
  bidirectional,
  repeatVector,
  rescaling,
  randomFlip,
  randomRotation,
  randomZoom,
  randomTranslation,
] as const;
