/**
 * Any file ConvStudio opens, from its text: a ConvStudio project, a Keras model config (tf.keras 2.x,
 * Keras 2.2, Keras 3), a TensorFlow.js model.json (with or without `model_config`) or a ConvStudio exercise.
 */
import { z } from 'zod';
import { makeProject } from '../document/build.ts';
import type { Graph } from '../document/graph-schema.ts';
import type { Project } from '../document/project-schema.ts';
import { readProject } from '../document/read-project.ts';
import { EXERCISE_FORMAT, type Exercise } from '../exercise/exercise-schema.ts';
import { readExercise } from '../exercise/read-exercise.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { parseJsonText } from './json-text.ts';
import { isObject } from './keras-layer.ts';
import { importKerasModel } from './keras-model.ts';
import { formatShapeValue } from './value-text.ts';

export type FileKind = 'project' | 'keras' | 'tfjs' | 'exercise';
/** An exercise also opens as a project of its network, so whatever shows a network can show it. */
export type LoadResult =
  | { ok: true; project: Project; kind: Exclude<FileKind, 'exercise'> }
  | { ok: true; project: Project; kind: 'exercise'; exercise: Exercise }
  | { ok: false; errors: Msg[] };

/** Model files are small; a bigger file is a weights file or something else. */
export const MAX_MODEL_FILE_BYTES = 50 * 1024 * 1024;

export interface LoadOptions {
  /** Lay out an imported model's layers for the canvas (default); the CLI, which draws nothing, says false. */
  layout?: boolean;
}

export function loadModelText(text: string, path: string, options: LoadOptions = {}): LoadResult {
  const json = parseJsonText(text, path);
  if (!json.ok) return { ok: false, errors: [json.error] };
  return loadModelJson(json.value, path, options);
}

export function loadModelJson(value: unknown, path: string, options: LoadOptions = {}): LoadResult {
  if (!isObject(value)) return { ok: false, errors: [msg('file.unknownFormat', { path })] };
  if (value.format === 'convstudio') {
    const result = readProject(value, path);
    return result.ok ? { ok: true, project: result.project, kind: 'project' } : result;
  }
  if (value.format === EXERCISE_FORMAT) {
    const result = readExercise(value, path);
    if (!result.ok) return result;
    const { exercise } = result;
    return { ok: true, project: makeProject(exercise.graph, exercise.title), kind: 'exercise', exercise };
  }
  let kind: 'keras' | 'tfjs' = 'keras';
  let model: unknown = value;
  if ('modelTopology' in value) {
    kind = 'tfjs';
    model = value.modelTopology;
  }
  if (isObject(model) && isObject(model.model_config)) model = model.model_config;
  if (isObject(model) && typeof model.class_name !== 'string' && Array.isArray(model.layers)) {
    // model.get_config(): the config alone; layers with inbound_nodes make it a functional model.
    const functional = model.layers.some((layer) => isObject(layer) && 'inbound_nodes' in layer);
    model = { class_name: functional ? 'Functional' : 'Sequential', config: model };
  }
  if (!isObject(model) || typeof model.class_name !== 'string') {
    return { ok: false, errors: [msg('file.unknownFormat', { path })] };
  }
  const result = importKerasModel(model, options.layout ?? true);
  if (!result.ok) return result;
  try {
    return { ok: true, project: makeProject(result.graph, result.name), kind };
  } catch (error) {
    return { ok: false, errors: [unreadableSetting(result.graph, error, path)] };
  }
}

/**
 * The last line of defence when an imported layer's settings are not what a project holds: the layer and
 * the setting the project's schema refused, worded for people — never the schema's own report.
 */
function unreadableSetting(graph: Graph, error: unknown, path: string): Msg {
  const where = error instanceof z.ZodError ? error.issues[0]?.path : undefined;
  const node = where?.[0] === 'graph' && where[1] === 'nodes' ? graph.nodes[Number(where[2])] : undefined;
  const setting = where?.[3] === 'params' ? where[4] : undefined;
  if (!node || typeof setting !== 'string') return msg('file.unknownFormat', { path });
  return msg('import.badSetting', {
    name: node.name,
    className: node.type,
    setting,
    value: formatShapeValue((node.params as Record<string, unknown>)[setting]),
  });
}
