/**
 * A TensorFlow.js layers model from the layer graph, Sequential chains and functional DAGs alike. Layer
 * names are kept, so the model's summary reads like ConvStudio's; numeric padding becomes a ZeroPadding2D
 * before a 'valid' layer, exactly as it is exported to Keras.
 */
import * as tf from '@tensorflow/tfjs';
import { adjacency, topologicalOrder, type Graph, type LayerNode, type Padding } from '../../core/index.ts';

type SymbolicTensor = tf.SymbolicTensor;

/** Why a graph cannot become a TensorFlow.js model; the analysis has already ruled out shape errors. */
export class ModelBuildError extends Error {
  constructor(
    readonly layer: string,
    readonly reason: 'groups' | 'activation' | 'dilationWithStride' | 'noOutput',
    readonly detail = '',
  ) {
    super(`${layer}: ${reason} ${detail}`);
  }
}

/** Keras activation names as TensorFlow.js knows them; leaky_relu and exponential need layers of their own. */
const TFJS_ACTIVATIONS: Record<string, string> = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  linear: 'linear',
  elu: 'elu',
  selu: 'selu',
  softplus: 'softplus',
  softsign: 'softsign',
  swish: 'swish',
  gelu: 'gelu',
  relu6: 'relu6',
  hard_sigmoid: 'hardSigmoid',
};

/** Keras 3's default slope for leaky_relu. */
const LEAKY_RELU_SLOPE = 0.2;

function activationLayer(name: string, activation: string): tf.layers.Layer | null {
  if (activation === 'leaky_relu') return tf.layers.leakyReLU({ alpha: LEAKY_RELU_SLOPE, name });
  const id = TFJS_ACTIVATIONS[activation];
  if (!id) throw new ModelBuildError(name, 'activation', activation);
  return id === 'linear' ? null : tf.layers.activation({ activation: id as never, name });
}

/** The activation to give a Conv2D or Dense itself, and a layer to follow it when TensorFlow.js has no such name. */
function fusedActivation(name: string, activation: string): { inner: string; after: tf.layers.Layer | null } {
  if (activation === 'leaky_relu') return { inner: 'linear', after: activationLayer(`${name}_activation`, activation) };
  const id = TFJS_ACTIVATIONS[activation];
  if (!id) throw new ModelBuildError(name, 'activation', activation);
  return { inner: id, after: null };
}

function explicitPadding(name: string, padding: Padding): { mode: 'valid' | 'same'; before: tf.layers.Layer | null } {
  if (typeof padding !== 'number') return { mode: padding, before: null };
  return { mode: 'valid', before: padding > 0 ? tf.layers.zeroPadding2d({ padding, name: `${name}_pad` }) : null };
}

/** Keras's L1L2 kernel regularizer, or none when both penalties are 0. */
function penalty(l1: number, l2: number): ReturnType<typeof tf.regularizers.l1l2> | undefined {
  return l1 > 0 || l2 > 0 ? tf.regularizers.l1l2({ l1, l2 }) : undefined;
}

function apply(layers: Array<tf.layers.Layer | null>, input: SymbolicTensor | SymbolicTensor[]): SymbolicTensor {
  let x = input;
  for (const layer of layers) if (layer) x = layer.apply(x) as SymbolicTensor;
  return x as SymbolicTensor;
}

function layerFor(node: LayerNode, inputs: SymbolicTensor[]): SymbolicTensor {
  const name = node.name;
  const x = inputs[0]!;
  switch (node.type) {
    case 'Input':
      throw new Error('Input layers are created separately');
    case 'Conv2D': {
      const p = node.params;
      if (p.groups !== 1) throw new ModelBuildError(name, 'groups', String(p.groups));
      const pad = explicitPadding(name, p.padding);
      const act = fusedActivation(name, p.activation);
      const conv = tf.layers.conv2d({
        name,
        filters: p.filters,
        kernelSize: [...p.kernel_size],
        strides: [...p.strides],
        padding: pad.mode,
        dilationRate: [...p.dilation_rate],
        activation: act.inner as never,
        useBias: p.use_bias,
        kernelRegularizer: penalty(p.kernel_l1, p.kernel_l2),
      });
      return apply([pad.before, conv, act.after], x);
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = node.params;
      const pad = explicitPadding(name, p.padding);
      const config = {
        name,
        poolSize: [...p.pool_size] as [number, number],
        strides: [...(p.strides ?? p.pool_size)] as [number, number],
        padding: pad.mode,
      };
      const pool = node.type === 'MaxPooling2D' ? tf.layers.maxPooling2d(config) : tf.layers.averagePooling2d(config);
      return apply([pad.before, pool], x);
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D': {
      // With keepdims the Keras-named layer is the reshape that restores 1 × 1 × channels.
      const keep = node.params.keepdims;
      const poolName = keep ? `${name}_pool` : name;
      const pool =
        node.type === 'GlobalAveragePooling2D'
          ? tf.layers.globalAveragePooling2d({ name: poolName })
          : tf.layers.globalMaxPooling2d({ name: poolName });
      const channels = x.shape[x.shape.length - 1]!;
      return apply([pool, keep ? tf.layers.reshape({ targetShape: [1, 1, channels], name }) : null], x);
    }
    case 'Flatten':
      return apply([tf.layers.flatten({ name })], x);
    case 'Dense': {
      const p = node.params;
      const act = fusedActivation(name, p.activation);
      const dense = tf.layers.dense({
        name,
        units: p.units,
        activation: act.inner as never,
        useBias: p.use_bias,
        kernelRegularizer: penalty(p.kernel_l1, p.kernel_l2),
      });
      return apply([dense, act.after], x);
    }
    case 'Dropout':
      return apply([tf.layers.dropout({ name, rate: node.params.rate })], x);
    case 'BatchNormalization': {
      const p = node.params;
      return apply(
        [
          tf.layers.batchNormalization({
            name,
            axis: -1,
            center: p.center,
            scale: p.scale,
            momentum: p.momentum,
            epsilon: p.epsilon,
          }),
        ],
        x,
      );
    }
    case 'Activation':
      return apply(
        [activationLayer(name, node.params.activation) ?? tf.layers.activation({ name, activation: 'linear' })],
        x,
      );
    case 'ZeroPadding2D': {
      const [[t, b], [l, r]] = node.params.padding;
      return apply(
        [
          tf.layers.zeroPadding2d({
            name,
            padding: [
              [t, b],
              [l, r],
            ],
          }),
        ],
        x,
      );
    }
    case 'Add':
      return apply([tf.layers.add({ name })], inputs);
    case 'Concatenate':
      return apply([tf.layers.concatenate({ name, axis: node.params.axis })], inputs);
  }
}

/** Builds the model; the graph must be free of analysis errors (check with hasErrors first). */
export function buildTfModel(graph: Graph, name = 'convstudio'): tf.LayersModel {
  const adj = adjacency(graph);
  const { order } = topologicalOrder(graph, adj);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const tensors = new Map<string, SymbolicTensor>();
  const inputs: SymbolicTensor[] = [];
  for (const id of order) {
    const node = nodes.get(id)!;
    if (node.type === 'Input') {
      const input = tf.input({ shape: node.params.shape as number[], name: node.name });
      inputs.push(input);
      tensors.set(id, input);
    } else {
      tensors.set(
        id,
        layerFor(
          node,
          adj.incoming.get(id)!.map((source) => tensors.get(source)!),
        ),
      );
    }
  }
  const outputs = graph.nodes
    .filter((n) => adj.outgoing.get(n.id)!.length === 0 && n.type !== 'Input')
    .map((n) => tensors.get(n.id)!);
  if (outputs.length === 0) throw new ModelBuildError(name, 'noOutput');
  return tf.model({ inputs, outputs: outputs.length === 1 ? outputs[0]! : outputs, name });
}
