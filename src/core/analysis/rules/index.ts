/** The shape rule of every layer type. */
import type { LayerType } from '../../layers/catalogue.ts';
import { batchNormalizationRule } from './batch-normalization.ts';
import { conv2dRule } from './conv2d.ts';
import { denseRule } from './dense.ts';
import { flattenRule } from './flatten.ts';
import { globalAveragePooling2dRule, globalMaxPooling2dRule } from './global-pooling2d.ts';
import { inputRule } from './input.ts';
import { addRule, concatenateRule } from './merge.ts';
import { activationRule, dropoutRule } from './passthrough.ts';
import { averagePooling2dRule, maxPooling2dRule } from './pooling2d.ts';
import type { LayerRule } from './rule.ts';
import { zeroPadding2dRule } from './zero-padding2d.ts';

export const RULES: { [T in LayerType]: LayerRule<T> } = {
  Input: inputRule,
  Conv2D: conv2dRule,
  MaxPooling2D: maxPooling2dRule,
  AveragePooling2D: averagePooling2dRule,
  GlobalAveragePooling2D: globalAveragePooling2dRule,
  GlobalMaxPooling2D: globalMaxPooling2dRule,
  Flatten: flattenRule,
  Dense: denseRule,
  Dropout: dropoutRule,
  BatchNormalization: batchNormalizationRule,
  Activation: activationRule,
  ZeroPadding2D: zeroPadding2dRule,
  Add: addRule,
  Concatenate: concatenateRule,
};
