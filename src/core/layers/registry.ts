/**
 * Every layer type ConvStudio knows, in palette order: the one list the analysis, the importers, both
 * exporters, the trainer, the palette and the inspector read. A new type is a module under types/ and one
 * line here (docs/architecture.md, "Adding a layer type").
 */
import { activation } from './types/activation.ts';
import { batchNormalization } from './types/batch-normalization.ts';
import { conv2d } from './types/conv2d.ts';
import { dense } from './types/dense.ts';
import { dropout } from './types/dropout.ts';
import { flatten } from './types/flatten.ts';
import { globalAveragePooling2d, globalMaxPooling2d } from './types/global-pooling2d.ts';
import { input } from './types/input.ts';
import { add, concatenate } from './types/merge.ts';
import { averagePooling2d, maxPooling2d } from './types/pooling2d.ts';
import { relu } from './types/relu.ts';
import { zeroPadding2d } from './types/zero-padding2d.ts';

export const LAYER_MODULES = [
  input,
  conv2d,
  zeroPadding2d,
  maxPooling2d,
  averagePooling2d,
  globalAveragePooling2d,
  globalMaxPooling2d,
  flatten,
  dense,
  dropout,
  batchNormalization,
  activation,
  relu,
  add,
  concatenate,
] as const;
