/**
 * A Keras model config to a ConvStudio graph: Sequential (tf.keras 2.x, the Keras 2.2 list form, Keras 3)
 * and Functional (Keras 2 `inbound_nodes` lists, Keras 3 `args` with `keras_history`), with models nested
 * in models at any depth (their layers become nodes of one graph, in a group per nested model) and
 * frozen layers (`"trainable": false` on a layer or on any model around it). Keeps Keras's layer names.
 * Reports every problem once: each unsupported class in one message, and no follow-on errors after it.
 * Loops, not recursion per layer: a chain of thousands of layers imports like a short one.
 */
import { kerasNamer, makeNode, type LayerSpec } from '../document/build.ts';
import type { Edge, Graph, Group } from '../document/graph-schema.ts';
import { layeredPositions } from '../document/layered-layout.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import {
  MODEL_CLASSES,
  convertKerasLayer,
  declaredInputShape,
  isObject,
  rankAfter,
  type Config,
} from './keras-layer.ts';
import { formatShapeValue } from './value-text.ts';

export type ModelResult = { ok: true; graph: Graph; name: string } | { ok: false; errors: Msg[] };

interface RawLayer {
  className: string;
  name: string;
  config: Config;
  /** Names of the layers it takes its inputs from, in order (before nested models' names are resolved). */
  sources: string[];
  group?: string;
  frozen: boolean;
}

/** Most layer names an unsupported-class message lists. */
const NAMES_LISTED = 3;

const structure = (where: string, problem: string): Msg => msg('import.badStructure', { where, problem });

function layerList(config: unknown, where: string): Config[] | Msg {
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (!Array.isArray(list)) return structure(where, 'there is no list of layers');
  if (!list.every(isObject)) return structure(where, 'a layer is not an object');
  return list;
}

/** The layer's name: TensorFlowOpLayer and TFOpLambda layers are wired by the outer `name`. */
function layerName(entry: Config, config: Config): string {
  if (typeof entry.name === 'string' && entry.name) return entry.name;
  return typeof config.name === 'string' ? config.name : '';
}

/** Names of the layers a Keras 3 call's arguments refer to, through their `keras_history`. */
function kerasHistoryNames(value: unknown, into: string[]): void {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else if (isObject(item)) {
      const history = isObject(item.config) ? item.config.keras_history : undefined;
      if (item.class_name === '__keras_tensor__' && Array.isArray(history) && typeof history[0] === 'string') {
        into.push(history[0]);
      } else {
        const values = Object.values(item);
        for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
      }
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

/** Layer names in a model's input_layers / output_layers: [name, 0, 0] or [[name, 0, 0], …]. */
function endpointNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  if (typeof value[0] === 'string') return [value[0]];
  return value.flatMap((v) => (Array.isArray(v) && typeof v[0] === 'string' ? [v[0]] : []));
}

/** The input shape a model declares, looking through nested first layers (Teachable Machine's). */
function firstInputShape(entry: Config): Array<number | null> | undefined {
  let at: Config | undefined = entry;
  for (let depth = 0; at && depth < 64; depth++) {
    const config: Config = isObject(at.config) ? at.config : {};
    const declared = declaredInputShape(config);
    if (declared) return declared;
    if (Array.isArray(config.build_input_shape)) {
      return config.build_input_shape.slice(1).map((d) => (typeof d === 'number' ? d : null));
    }
    if (typeof at.class_name !== 'string' || !MODEL_CLASSES.has(at.class_name)) return undefined;
    const list = layerList(config, 'config');
    at = Array.isArray(list) ? list[0] : undefined;
  }
  return undefined;
}

class ModelReader {
  readonly raws: RawLayer[] = [];
  readonly errors: Msg[] = [];
  readonly groups: Group[] = [];
  /** A nested model's name, or an InputLayer inside one, → the layers that stand for its output. */
  readonly aliases = new Map<string, string[]>();

  /** Reads a model; `sources` feed it when it is nested (null: the outer model). Returns its outputs. */
  model(entry: Config, sources: string[] | null, group: string | undefined, frozen: boolean): string[] {
    const className = entry.class_name;
    const config = entry.config;
    const frozenHere = frozen || (isObject(config) && config.trainable === false);
    let inner = group;
    if (sources) {
      inner = `g${this.groups.length + 1}`;
      this.groups.push({
        id: inner,
        name: layerName(entry, isObject(config) ? config : {}) || inner,
        className: className === 'Sequential' ? 'Sequential' : 'Functional',
        ...(group ? { parent: group } : {}),
      });
    }
    return className === 'Sequential'
      ? this.sequential(entry, sources, inner, frozenHere)
      : this.functional(config, sources, inner, frozenHere);
  }

  private read(entry: Config, where: string): { className: string; name: string; config: Config } | null {
    const config = entry.config;
    if (typeof entry.class_name !== 'string') return this.problem(structure(where, 'class_name is missing'), null);
    if (!isObject(config)) return this.problem(structure(where, 'config is missing'), null);
    return { className: entry.class_name, name: layerName(entry, config), config };
  }

  private sequential(entry: Config, sources: string[] | null, group: string | undefined, frozen: boolean): string[] {
    const list = layerList(entry.config, 'config');
    if (!Array.isArray(list)) return this.problem(list, []);
    if (list.length === 0) return this.problem(this.noLayers(entry.config, sources), []);
    let previous = sources;
    list.forEach((layer, i) => {
      const raw = this.read(layer, `config.layers[${i}]`);
      if (!raw) return;
      if (raw.className === 'InputLayer') {
        if (previous) {
          if (raw.name) this.aliases.set(raw.name, previous);
        } else {
          this.raws.push({ ...raw, sources: [], group, frozen });
          previous = [raw.name];
        }
        return;
      }
      if (!previous) {
        const shape = firstInputShape(isObject(entry.config) ? { config: entry.config } : {}) ?? firstInputShape(layer);
        if (!shape) return this.problem(msg('import.noInputShape', { name: raw.name || raw.className }), undefined);
        const name = raw.name ? `${raw.name}_input` : 'input_layer';
        this.raws.push({
          className: 'InputLayer',
          name,
          config: { batch_shape: [null, ...shape] },
          sources: [],
          frozen,
        });
        previous = [name];
      }
      if (MODEL_CLASSES.has(raw.className)) {
        const outputs = this.model(layer, previous, group, frozen);
        if (raw.name) this.aliases.set(raw.name, outputs);
        previous = outputs;
        return;
      }
      this.raws.push({ ...raw, sources: previous, group, frozen: frozen || raw.config.trainable === false });
      previous = [raw.name];
    });
    return previous ?? [];
  }

  private functional(config: unknown, sources: string[] | null, group: string | undefined, frozen: boolean): string[] {
    const list = layerList(config, 'config');
    if (!Array.isArray(list)) return this.problem(list, []);
    if (list.length === 0) return this.problem(this.noLayers(config, sources), []);
    const inputNames = isObject(config) ? endpointNames(config.input_layers) : [];
    list.forEach((layer, i) => {
      const raw = this.read(layer, `config.layers[${i}]`);
      if (!raw) return;
      if (raw.className === 'InputLayer' && sources) {
        const at = inputNames.indexOf(raw.name);
        this.aliases.set(raw.name, sources.length === 1 || at < 0 ? sources : [sources[at]!]);
        return;
      }
      const inbound = layer.inbound_nodes ?? [];
      if (!Array.isArray(inbound))
        return this.problem(structure(`layer '${raw.name}'`, 'inbound_nodes is not a list'), undefined);
      if (inbound.length > 1)
        return this.problem(msg('import.sharedLayer', { name: raw.name, calls: inbound.length }), undefined);
      const from = inbound.length === 0 ? [] : callSources(inbound[0]);
      if (!from)
        return this.problem(structure(`layer '${raw.name}'`, `inbound_nodes ${formatShapeValue(inbound)}`), undefined);
      if (MODEL_CLASSES.has(raw.className)) {
        this.aliases.set(raw.name, this.model(layer, from, group, frozen));
        return;
      }
      this.raws.push({ ...raw, sources: from, group, frozen: frozen || raw.config.trainable === false });
    });
    const outputs = isObject(config) ? endpointNames(config.output_layers) : [];
    return outputs.length > 0 ? outputs : this.raws.length > 0 ? [this.raws.at(-1)!.name] : [];
  }

  private noLayers(config: unknown, sources: string[] | null): Msg {
    if (!sources) return msg('import.noLayers');
    return msg('import.nestedNoLayers', {
      name: isObject(config) && typeof config.name === 'string' ? config.name : '',
    });
  }

  /** Notes a problem with the file; returns `value`, what the reader goes on with. */
  private problem<T>(message: Msg, value: T): T {
    this.errors.push(message);
    return value;
  }

  /** A name as the layers it stands for: nested models' and inner InputLayers' names are followed. */
  resolve(name: string): string[] {
    const out: string[] = [];
    const stack = [name];
    for (let steps = 0; stack.length > 0 && steps < 1_000_000; steps++) {
      const at = stack.pop()!;
      const alias = this.aliases.get(at);
      if (alias) for (let i = alias.length - 1; i >= 0; i--) stack.push(alias[i]!);
      else out.push(at);
    }
    return out;
  }
}

export function importKerasModel(model: Config, layout = true): ModelResult {
  const className = model.class_name;
  if (typeof className !== 'string' || !MODEL_CLASSES.has(className)) {
    return { ok: false, errors: [msg('import.notAModel', { className: String(className) })] };
  }
  const reader = new ModelReader();
  const config = model.config;
  const name =
    isObject(config) && typeof config.name === 'string'
      ? config.name
      : className === 'Sequential'
        ? 'sequential'
        : 'model';
  reader.model(model, null, undefined, false);
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const raws = reader.raws;
  if (raws.some((r) => !r.name)) {
    const namer = kerasNamer(raws.map((r) => r.name).filter(Boolean));
    for (const raw of raws) raw.name ||= namer(raw.className === 'InputLayer' ? 'Input' : 'Dense');
  }
  if (reader.aliases.size > 0) for (const raw of raws) raw.sources = raw.sources.flatMap((s) => reader.resolve(s));
  return buildGraph(raws, reader.groups, name, layout);
}

function buildGraph(raws: RawLayer[], groups: Group[], modelName: string, layout: boolean): ModelResult {
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
      else edges.push({ id: `e${edges.length + 1}`, source: sourceId, target: ids.get(raw.name)! });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  // Convert in dependency order (Kahn's algorithm), so that each layer knows the rank of its input.
  const byName = new Map(raws.map((r) => [r.name, r]));
  const waiting = new Map(raws.map((r) => [r.name, r.sources.length]));
  const readers = new Map<string, string[]>();
  for (const raw of raws) {
    for (const s of raw.sources) {
      const list = readers.get(s);
      if (list) list.push(raw.name);
      else readers.set(s, [raw.name]);
    }
  }
  const ready = raws.filter((r) => r.sources.length === 0).map((r) => r.name);
  const ranks = new Map<string, number | undefined>();
  const specs = new Map<string, LayerSpec>();
  /** Layers that could not be read, and every layer after one: their own setting errors would mislead. */
  const afterProblem = new Set<string>();
  const unsupported = new Map<string, string[]>();
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    const raw = byName.get(next)!;
    const rank = raw.sources.length > 0 ? ranks.get(raw.sources[0]!) : undefined;
    const downstream = raw.sources.some((s) => afterProblem.has(s));
    const result = convertKerasLayer(raw.className, raw.name, raw.config, rank);
    if (result.ok) {
      specs.set(raw.name, result.spec);
      ranks.set(raw.name, rankAfter(result.spec, rank));
      if (downstream) afterProblem.add(raw.name);
    } else {
      afterProblem.add(raw.name);
      if (result.error.key === 'import.unsupportedLayer') {
        const names = unsupported.get(raw.className);
        if (names) names.push(raw.name);
        else unsupported.set(raw.className, [raw.name]);
      } else if (!downstream) {
        errors.push(result.error);
      }
    }
    for (const reader of readers.get(next) ?? []) {
      const left = waiting.get(reader)! - 1;
      waiting.set(reader, left);
      if (left === 0) ready.push(reader);
    }
  }
  errors.unshift(
    ...[...unsupported].map(([className, names]) => {
      const listed = names.slice(0, NAMES_LISTED).map((n) => `'${n}'`);
      if (names.length > NAMES_LISTED) listed.push('…');
      return msg('import.unsupportedClass', { className, count: names.length, names: listed.join(', ') });
    }),
  );
  const cyclic = raws.filter((r) => !specs.has(r.name) && !afterProblem.has(r.name));
  for (const raw of cyclic) errors.push(msg('import.unknownInbound', { name: raw.name, source: raw.sources[0] ?? '' }));
  if (errors.length > 0) return { ok: false, errors };

  const nodes = raws.map((raw) => {
    const node = makeNode(specs.get(raw.name)!, ids.get(raw.name)!, raw.name);
    if (raw.frozen && node.type !== 'Input') node.trainable = false;
    if (raw.group) node.group = raw.group;
    return node;
  });
  const graph: Graph = groups.length > 0 ? { nodes, edges, groups } : { nodes, edges };
  if (layout) {
    const positions = layeredPositions(graph);
    for (const node of nodes) node.position = positions.get(node.id)!;
  }
  return { ok: true, graph, name: modelName };
}
