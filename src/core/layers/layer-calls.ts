/**
 * The Keras layer calls that are one node of the graph, as the Keras export prints them and the trainer
 * builds them: its module's calls, each with `trainable=False` where the layer is frozen.
 */
import type { LayerNode } from '../document/graph-schema.ts';
import { layerModule } from './catalogue.ts';
import { kerasArg, type KerasCall } from './keras-config.ts';

export function layerCalls(node: LayerNode): KerasCall[] {
  const calls = layerModule(node.type).keras.write(node);
  if (node.trainable !== false) return calls;
  return calls.map((call) => ({ ...call, args: [...call.args, kerasArg.bool('trainable', false, true)] }));
}
