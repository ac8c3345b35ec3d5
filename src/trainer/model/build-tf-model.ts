/**
 * A TensorFlow.js layers model from the layer graph, Sequential chains and functional DAGs alike, built
 * from the same Keras layer calls the Keras export prints (each layer module's `keras.write`): TF.js makes
 * each layer from its Keras class name and config. Where TF.js lacks what Keras has, the module's `tfjs`
 * adaptation says what to build instead (a LeakyReLU after a layer with leaky_relu, say) or why it cannot.
 * Layer names are kept, so the model's summary reads like ConvStudio's.
 */
import * as tf from '@tensorflow/tfjs';
import {
  adjacency,
  kerasConfig,
  layerCalls,
  layerModule,
  topologicalOrder,
  type Graph,
  type Json,
  type KerasCall,
  type LayerNode,
  type TfjsGap,
} from '../../core/index.ts';

// Keras layers TF.js lacks, registered under their Keras class names.
import './missing-layers.ts';

type SymbolicTensor = tf.SymbolicTensor;

/** Why a graph cannot become a TensorFlow.js model; the analysis has already ruled out shape errors. */
export class ModelBuildError extends Error {
  constructor(
    readonly layer: string,
    readonly reason: TfjsGap | 'noOutput',
    readonly detail = '',
  ) {
    super(`${layer}: ${reason} ${detail}`);
  }
}

const camel = (text: string) => text.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** A Keras config as TF.js reads it: camelCase keys and names of things, layer names as they are. */
function tfjsValue(value: Json, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => tfjsValue(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [camel(k), k === 'name' ? v : tfjsValue(v, camel(k))]),
    );
  }
  return typeof value === 'string' ? camel(value) : value;
}

/** One TF.js layer from a Keras call, through TF.js's own registry of Keras class names. */
function tfjsLayer(call: KerasCall): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[call.className];
  if (!entry) throw new ModelBuildError(call.name, 'setting', call.className);
  const [cls, fromConfig] = entry;
  const config = tfjsValue(kerasConfig(call)) as tf.serialization.ConfigDict;
  return fromConfig(cls, { ...config, name: call.name }) as tf.layers.Layer;
}

/** The TF.js layers that are this node, in order. */
export function tfjsCalls(node: LayerNode, inputShapes: number[][]): KerasCall[] {
  const module = layerModule(node.type);
  const calls = layerCalls(node);
  if (!module.tfjs) return calls;
  const adapted = module.tfjs(calls, inputShapes);
  if (!adapted.ok) throw new ModelBuildError(node.name, adapted.reason, adapted.detail);
  return adapted.calls;
}

function layerFor(node: LayerNode, inputs: SymbolicTensor[]): SymbolicTensor {
  let x: SymbolicTensor | SymbolicTensor[] = inputs.length === 1 ? inputs[0]! : inputs;
  const shapes = inputs.map((t) => t.shape.slice(1) as number[]);
  const asInference = node.trainable === false && layerModule(node.type).frozenRunsAsInference === true;
  for (const call of tfjsCalls(node, shapes)) {
    const layer = tfjsLayer(call);
    if (asInference) runAsInference(layer);
    x = layer.apply(x) as SymbolicTensor;
  }
  return x as SymbolicTensor;
}

/** A frozen BatchNormalization as Keras runs it: with its moving statistics, which training leaves alone. */
function runAsInference(layer: tf.layers.Layer): void {
  const call = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => call(inputs, { ...kwargs, training: false });
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
