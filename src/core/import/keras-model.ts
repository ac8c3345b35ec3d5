/**
 * A Keras model config to a ConvStudio graph: Sequential (tf.keras 2.x, the Keras 2.2 list form, Keras 3)
 * and Functional (Keras 2 `inbound_nodes` lists, Keras 3 `args` with `keras_history`). Keeps Keras's layer
 * names; reports every layer it cannot read, not only the first.
 */
import { kerasNamer, makeNode, type LayerSpec } from '../document/build.ts';
import type { Edge, Graph } from '../document/graph-schema.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { layeredPositions } from '../document/layered-layout.ts';
import { convertKerasLayer, declaredInputShape, isObject, rankAfter, type Config } from './keras-layer.ts';
import { formatShapeValue } from './value-text.ts';

export type ModelResult = { ok: true; graph: Graph; name: string } | { ok: false; errors: Msg[] };

interface RawLayer {
  className: string;
  name: string;
  config: Config;
  /** Names of the layers it takes its inputs from, in order. */
  sources: string[];
}

const structure = (where: string, problem: string): Msg => msg('import.badStructure', { where, problem });

export function importKerasModel(model: Config): ModelResult {
  const className = model.class_name;
  const config = model.config;
  if (className === 'Sequential') return sequentialModel(config);
  if (className === 'Functional' || className === 'Model') return functionalModel(config);
  return {
    ok: false,
    errors: [
      msg('import.nestedModel', {
        className: String(className),
        name: 'model',
      }),
    ],
  };
}

function layerList(config: unknown, where: string): Config[] | Msg {
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (!Array.isArray(list)) return structure(where, 'there is no list of layers');
  if (!list.every(isObject)) return structure(where, 'a layer is not an object');
  return list;
}

function readLayer(entry: Config, index: number, where: string): RawLayer | Msg {
  const config = entry.config;
  if (typeof entry.class_name !== 'string') return structure(`${where}[${index}]`, 'class_name is missing');
  if (!isObject(config)) return structure(`${where}[${index}]`, 'config is missing');
  const name = typeof config.name === 'string' ? config.name : typeof entry.name === 'string' ? entry.name : '';
  return { className: entry.class_name, name, config, sources: [] };
}

function sequentialModel(config: unknown): ModelResult {
  const list = layerList(config, 'config');
  if (!Array.isArray(list)) return { ok: false, errors: [list] };
  if (list.length === 0) return { ok: false, errors: [msg('import.noLayers')] };
  const raws: RawLayer[] = [];
  const errors: Msg[] = [];
  list.forEach((entry, i) => {
    const raw = readLayer(entry, i, 'config.layers');
    if ('key' in raw) errors.push(raw);
    else raws.push(raw);
  });
  if (errors.length > 0) return { ok: false, errors };

  const namer = kerasNamer(raws.map((r) => r.name).filter(Boolean));
  if (raws[0]!.className !== 'InputLayer') {
    const first = raws[0]!;
    const buildShape =
      isObject(config) && Array.isArray(config.build_input_shape) ? config.build_input_shape : undefined;
    const shape =
      declaredInputShape(first.config) ?? buildShape?.slice(1).map((d) => (typeof d === 'number' ? d : null));
    if (!shape)
      return {
        ok: false,
        errors: [msg('import.noInputShape', { name: first.name || first.className })],
      };
    const inputName = first.name ? `${first.name}_input` : 'input_layer';
    raws.unshift({
      className: 'InputLayer',
      name: inputName,
      config: { batch_shape: [null, ...shape] },
      sources: [],
    });
  }
  raws.forEach((raw, i) => {
    raw.name ||= namer(raw.className === 'InputLayer' ? 'Input' : 'Dense');
    if (i > 0) raw.sources = [raws[i - 1]!.name];
  });
  return buildGraph(raws, isObject(config) && typeof config.name === 'string' ? config.name : 'sequential');
}

/** Names of the layers a Keras 3 call's arguments refer to, through their `keras_history`. */
function kerasHistoryNames(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) kerasHistoryNames(item, into);
  } else if (isObject(value)) {
    const history = isObject(value.config) ? value.config.keras_history : undefined;
    if (value.class_name === '__keras_tensor__' && Array.isArray(history) && typeof history[0] === 'string') {
      into.push(history[0]);
    } else {
      for (const item of Object.values(value)) kerasHistoryNames(item, into);
    }
  }
}

/** The sources of a layer's one call, in the Keras 2 ([[name, 0, 0, {}], …]) or Keras 3 ({args}) form. */
function callSources(node: unknown): string[] | null {
  if (isObject(node)) {
    const names: string[] = [];
    kerasHistoryNames(node.args ?? [], names);
    kerasHistoryNames(node.kwargs ?? {}, names);
    return names;
  }
  if (Array.isArray(node)) {
    return node.map((entry) => (Array.isArray(entry) && typeof entry[0] === 'string' ? entry[0] : '')).filter(Boolean);
  }
  return null;
}

function functionalModel(config: unknown): ModelResult {
  const list = layerList(config, 'config');
  if (!Array.isArray(list)) return { ok: false, errors: [list] };
  if (list.length === 0) return { ok: false, errors: [msg('import.noLayers')] };
  const raws: RawLayer[] = [];
  const errors: Msg[] = [];
  list.forEach((entry, i) => {
    const raw = readLayer(entry, i, 'config.layers');
    if ('key' in raw) return void errors.push(raw);
    const inbound = entry.inbound_nodes ?? [];
    if (!Array.isArray(inbound))
      return void errors.push(structure(`layer '${raw.name}'`, 'inbound_nodes is not a list'));
    if (inbound.length > 1)
      return void errors.push(msg('import.sharedLayer', { name: raw.name, calls: inbound.length }));
    const sources = inbound.length === 0 ? [] : callSources(inbound[0]);
    if (!sources)
      return void errors.push(structure(`layer '${raw.name}'`, `inbound_nodes ${formatShapeValue(inbound)}`));
    raws.push({ ...raw, sources });
  });
  if (errors.length > 0) return { ok: false, errors };
  return buildGraph(raws, isObject(config) && typeof config.name === 'string' ? config.name : 'model');
}

function buildGraph(raws: RawLayer[], modelName: string): ModelResult {
  const errors: Msg[] = [];
  const ids = new Map<string, string>();
  raws.forEach((raw, i) => {
    if (ids.has(raw.name)) errors.push(msg('import.duplicateName', { name: raw.name }));
    ids.set(raw.name, `n${i + 1}`);
  });
  const edges: Edge[] = [];
  for (const raw of raws) {
    for (const source of raw.sources) {
      const sourceId = ids.get(source);
      if (!sourceId) errors.push(msg('import.unknownInbound', { name: raw.name, source }));
      else
        edges.push({
          id: `e${edges.length + 1}`,
          source: sourceId,
          target: ids.get(raw.name)!,
        });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  // Convert in dependency order, so that each layer knows the rank of its input.
  const ranks = new Map<string, number | undefined>();
  const specs = new Map<string, LayerSpec>();
  const byName = new Map(raws.map((r) => [r.name, r]));
  const visit = (raw: RawLayer, trail: Set<string>): void => {
    if (specs.has(raw.name) || trail.has(raw.name)) return;
    trail.add(raw.name);
    for (const source of raw.sources) visit(byName.get(source)!, trail);
    const rank = raw.sources.length > 0 ? ranks.get(raw.sources[0]!) : undefined;
    const result = convertKerasLayer(raw.className, raw.name, raw.config, rank);
    if (!result.ok) {
      errors.push(result.error);
      specs.set(raw.name, { type: 'Dropout', name: raw.name });
      return;
    }
    specs.set(raw.name, result.spec);
    ranks.set(raw.name, rankAfter(result.spec, rank));
  };
  for (const raw of raws) visit(raw, new Set());
  if (errors.length > 0) return { ok: false, errors };

  const nodes = raws.map((raw) => makeNode(specs.get(raw.name)!, ids.get(raw.name)!, raw.name));
  const graph = { nodes, edges };
  const positions = layeredPositions(graph);
  for (const node of nodes) node.position = positions.get(node.id)!;
  return { ok: true, graph, name: modelName };
}
