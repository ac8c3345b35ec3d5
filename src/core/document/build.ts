/** Building graphs and projects in code: templates, importers and tests use these. */
import { KERAS_NAME_STEMS, defaultParams, type LayerParams, type LayerType } from '../layers/catalogue.ts';
import type { Edge, Graph, LayerNode } from './graph-schema.ts';
import { ROW_HEIGHT } from './layered-layout.ts';
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema, type Project } from './project-schema.ts';

export type LayerSpec = {
  [T in LayerType]: {
    type: T;
    params?: Partial<LayerParams<T>>;
    name?: string;
  };
}[LayerType];

/**
 * Names layers as Keras does: the first Conv2D is 'conv2d', the next 'conv2d_1', and so on.
 * @example const name = kerasNamer(); name('Conv2D') // 'conv2d'; name('Conv2D') // 'conv2d_1'
 */
export function kerasNamer(taken: Iterable<string> = []): (type: LayerType) => string {
  const used = new Set(taken);
  return (type) => {
    const stem = KERAS_NAME_STEMS[type];
    let name = stem;
    for (let i = 1; used.has(name); i++) name = `${stem}_${i}`;
    used.add(name);
    return name;
  };
}

export function makeNode(spec: LayerSpec, id: string, name: string, y = 0, x = 0): LayerNode {
  return {
    id,
    type: spec.type,
    name,
    params: { ...defaultParams(spec.type), ...spec.params },
    position: { x, y },
  } as LayerNode;
}

/**
 * A chain of layers, each feeding the next, laid out top to bottom.
 * @example sequential([{ type: 'Input', params: { shape: [28, 28, 1] } }, { type: 'Flatten' }])
 */
export function sequential(layers: LayerSpec[]): Graph {
  const name = kerasNamer(layers.flatMap((l) => (l.name ? [l.name] : [])));
  const nodes = layers.map((spec, i) => makeNode(spec, `n${i + 1}`, spec.name ?? name(spec.type), i * ROW_HEIGHT));
  const edges: Edge[] = nodes.slice(1).map((node, i) => ({
    id: `e${i + 1}`,
    source: nodes[i]!.id,
    target: node.id,
  }));
  return { nodes, edges };
}

/** A project around a graph, with default dataset and training settings. */
export function makeProject(graph: Graph, name = 'Untitled', description = ''): Project {
  return projectSchema.parse({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    meta: { name, description },
    graph,
  });
}

/** A new project: one Input layer for 28 × 28 grey images, ready for layers to be added. */
export function blankProject(name = 'Untitled'): Project {
  const graph = sequential([{ type: 'Input', params: { shape: [28, 28, 1] } }]);
  graph.nodes[0]!.id = 'input';
  return makeProject(graph, name);
}
