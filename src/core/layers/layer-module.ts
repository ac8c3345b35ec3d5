/**
 * The shape of a layer module: everything ConvStudio knows about one layer type, in one place. Each type's
 * module (src/core/layers/types/) fills this in; registry.ts lists them; analysis, import, both exporters,
 * the trainer, the palette and the inspector read the list instead of naming types.
 * How to add a type: docs/architecture.md, "Adding a layer type".
 */
import type { z } from 'zod';
import type { LayerRule } from '../analysis/rules/rule.ts';
import type { Shape } from '../analysis/types.ts';
import type { KerasCall, ReadContext } from './keras-config.ts';
import type { Config } from './keras-config.ts';
import type { Misreading, MistakeContext } from '../exercise/misreading.ts';
import type { SettingSpec } from './settings-kinds.ts';
import type { KeyPart } from './key-setting-parts.ts';
import type { Say } from '../export/script-words.ts';

export type PaletteGroup =
  | 'input'
  | 'convolution'
  | 'pooling'
  | 'core'
  | 'normalization'
  | 'activation'
  | 'merge'
  | 'reshaping'
  | 'preprocessing'
  | 'sequence';

/** A layer as the module's own functions see it: its name and its settings. */
export interface LayerOf<P> {
  id: string;
  name: string;
  params: P;
}

/** A layer as the PyTorch exporter hands it to a module. */
export interface TorchLayer<P> {
  /** The layer's Python identifier in the script. */
  id: string;
  node: LayerOf<P>;
  inputShapes: Shape[];
  outputShape: Shape;
  /** Words the script's comments in the language it is exported in. */
  say: Say;
}

/** A layer's part of the PyTorch module. */
export interface LayerCode {
  /** Statements for __init__ (they say `self.` themselves). */
  init: string[];
  /** Statements giving `out` its value, from the inputs' variable names. */
  forward: (inputs: string[]) => string[];
  /** Lines for load_keras_weights, `get(name)` reading a "layer/weight" array. */
  load: string[];
  /** Terms of the weight penalty (Keras's L1L2 regularizers). */
  penalty: string[];
}

/** Where TensorFlow.js cannot build a Keras layer call as it is: the calls it can build instead, or why not. */
export type TfjsAdaptation = { ok: true; calls: KerasCall[] } | { ok: false; reason: TfjsGap; detail: string };
export type TfjsGap = 'groups' | 'activation' | 'setting';

export interface LayerModule<T extends string = string, S extends z.ZodType = z.ZodType> {
  /** ConvStudio's name for the type: Keras's class name. */
  type: T;
  /** Its settings, named and defaulted as Keras names and defaults them. */
  schema: S;
  /** How many inputs it takes: none (Input), one, or two and more (merges). */
  inputs: 'none' | 'one' | 'many';
  keras: {
    /** Class names read from Keras and TensorFlow.js files; the first is the one ConvStudio writes. */
    classNames: readonly string[];
    /** Keras's automatic name stem: conv2d, conv2d_1 … */
    nameStem: string;
    /** The settings of a layer read from its Keras config. Throws SettingError on a value it cannot read. */
    read(config: Config, context: ReadContext): Record<string, unknown>;
    /** The rank of its output, given its input's (for later layers' `axis` settings); the input's when absent. */
    rankAfter?(params: z.infer<S>, rank: number | undefined): number | undefined;
    /** The Keras layer calls that are this layer: usually one; two where numeric padding comes first. */
    write(layer: LayerOf<z.infer<S>>): KerasCall[];
  };
  /** Where TensorFlow.js lacks what Keras has: the calls the trainer builds instead (given the input shapes). */
  tfjs?(calls: KerasCall[], inputShapes: Shape[]): TfjsAdaptation;
  /** Its palette group; null for a type the palette does not offer. */
  palette: { group: PaletteGroup; start?: Partial<z.infer<S>> } | null;
  /** The inspector's controls, in the order shown. */
  settings: readonly SettingSpec[];
  /** Shape, counts, multiply-adds, receptive field and explanations. */
  rule: LayerRule<z.infer<S>>;
  /** Its key settings, as the canvas shows them under its name: ['32 × 3×3', 's1', 'valid', 'ReLU']. */
  keySettings(params: z.infer<S>): KeyPart[];
  /** Its part of the exported PyTorch module, its output in the variable `out`. */
  torch(layer: TorchLayer<z.infer<S>>, out: string): LayerCode;
  /** The activation it applies, where it has one (for the analysis's softmax and linear-layer warnings). */
  activation?(params: z.infer<S>): string | null;
  /** Whether its weights are a matrix product before any non-linearity (Conv2D, Dense): two in a row warn. */
  linearWeighted?: boolean;
  /**
   * Whether, frozen, it runs as at inference even while the rest trains: Keras's BatchNormalization with
   * trainable = False normalises with its moving statistics and leaves them as they are.
   */
  frozenRunsAsInference?: boolean;
  /** The mistakes students commonly make with this layer's parameter count (exercise feedback). */
  mistakes?: { params?(context: MistakeContext<z.infer<S>>): Misreading[] };
}

/** A module with its settings' types checked against its schema. */
export function defineLayer<const T extends string, S extends z.ZodType>(module: LayerModule<T, S>): LayerModule<T, S> {
  return module;
}
