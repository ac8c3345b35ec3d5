/** Project files: round trip, defaults, versions, damage reported where it is. */
import { describe, expect, it } from 'vitest';
import {
  PROJECT_VERSION,
  TEMPLATES,
  loadModelText,
  makeProject,
  readProject,
  sequential,
  translate,
} from '../../../src/core/index.ts';

const errorsOf = (value: Record<string, unknown>, lang: 'en' | 'zh-TW' = 'en') => {
  const result = readProject(value, 'net.convstudio.json');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => translate(e, lang));
};

describe('project files', () => {
  it('every template survives a save and reload unchanged', () => {
    for (const template of TEMPLATES) {
      const project = makeProject(template.build(), template.name.en);
      const reloaded = loadModelText(JSON.stringify(project), 'x.convstudio.json');
      expect(reloaded).toEqual({ ok: true, project, kind: 'project' });
    }
  });

  it('fills Keras defaults for settings a file leaves out, and the default training settings', () => {
    const result = readProject(
      {
        format: 'convstudio',
        version: 1,
        graph: {
          nodes: [
            { id: 'a', type: 'Input', name: 'in', params: { shape: [28, 28, 1] } },
            { id: 'b', type: 'Conv2D', name: 'c', params: { filters: 8 } },
            { id: 'c', type: 'MaxPooling2D', name: 'p' },
          ],
          edges: [],
        },
      },
      'p.json',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.project.graph.nodes[1]!.params).toEqual({
      filters: 8,
      kernel_size: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      dilation_rate: [1, 1],
      groups: 1,
      activation: 'linear',
      use_bias: true,
      kernel_l1: 0,
      kernel_l2: 0,
    });
    expect(result.project.graph.nodes[2]!.params).toEqual({ pool_size: [2, 2], strides: null, padding: 'valid' });
    expect(result.project.training).toMatchObject({
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 128,
      epochs: 10,
      validationSplit: 0.1,
    });
    expect(result.project.dataset).toEqual({ kind: 'builtin', name: 'mnist' });
  });

  it('opens a version 2 file with no exercise in the making, and keeps one a teacher is making', () => {
    const project = makeProject(sequential([{ type: 'Input' }, { type: 'Conv2D' }]), 'Counting');
    const { exercise: _none, ...version2 } = { ...project, version: 2 };
    const opened = readProject(version2, 'v2.convstudio.json');
    expect(opened).toEqual({ ok: true, project });
    expect(project.exercise).toBeNull();
    const conv = project.graph.nodes[1]!.id;
    const making = {
      ...project,
      exercise: {
        title: 'Counting',
        instructions: 'As Keras counts.',
        questions: [{ figure: 'params' as const, nodeId: conv }, { figure: 'totalParams' as const }],
        variants: null,
      },
    };
    expect(loadModelText(JSON.stringify(making), 'x.convstudio.json')).toEqual({
      ok: true,
      project: making,
      kind: 'project',
    });
  });

  it('names where an exercise in the making is damaged, in both languages', () => {
    const project = makeProject(sequential([{ type: 'Input' }]));
    const damaged = { ...project, exercise: { title: 'x', questions: [{ figure: 'weights', nodeId: 'a' }] } };
    const [en] = errorsOf(damaged);
    expect(en).toMatch(/^net\.convstudio\.json: the project file is damaged at exercise\.questions\[0\]\.figure: /);
    const [zh] = errorsOf(damaged, 'zh-TW');
    expect(zh).toContain('exercise.questions[0].figure');
  });

  it('refuses a file from a newer ConvStudio, saying so', () => {
    expect(errorsOf({ format: 'convstudio', version: PROJECT_VERSION + 1, graph: { nodes: [], edges: [] } })).toEqual([
      `net.convstudio.json was saved by a newer ConvStudio (file version ${PROJECT_VERSION + 1}; this version reads up to ${PROJECT_VERSION}). Update ConvStudio to open it.`,
    ]);
  });

  it('names where a damaged file is damaged', () => {
    const project = makeProject(sequential([{ type: 'Input' }, { type: 'Conv2D' }]));
    const damaged = JSON.parse(JSON.stringify(project));
    damaged.graph.nodes[1].params.filters = 'thirty-two';
    expect(errorsOf(damaged)).toEqual([
      'net.convstudio.json: the project file is damaged at graph.nodes[1].params.filters: expected a number, found "thirty-two".',
    ]);
    damaged.graph.nodes[1].params.filters = 32;
    damaged.graph.nodes[1].type = 'Conv3D';
    expect(errorsOf(damaged)[0]).toMatch(/damaged at graph\.nodes\[1\]\.type: expected one of "Input", "Conv2D"/);
  });

  it('finds duplicate ids and connections to missing layers, in both languages', () => {
    const project = makeProject(sequential([{ type: 'Input' }, { type: 'Flatten' }]));
    const damaged = JSON.parse(JSON.stringify(project));
    damaged.graph.nodes[1].id = damaged.graph.nodes[0].id;
    damaged.graph.edges.push({ id: 'x', source: 'n1', target: 'nowhere' });
    expect(errorsOf(damaged)).toEqual([
      "net.convstudio.json: the project file is damaged at graph.nodes[1].id: the id 'n1' is used twice.",
      "net.convstudio.json: the project file is damaged at graph.edges[0].target: a connection refers to 'n2', which is not a layer.",
      "net.convstudio.json: the project file is damaged at graph.edges[1].target: a connection refers to 'nowhere', which is not a layer.",
    ]);
    expect(errorsOf(damaged, 'zh-TW')[0]).toBe(
      "net.convstudio.json：專案檔在 graph.nodes[1].id 處損壞：識別碼 'n1' 被使用了兩次。",
    );
  });

  it('refuses a missing or nonsensical version', () => {
    expect(errorsOf({ format: 'convstudio', graph: { nodes: [], edges: [] } })[0]).toMatch(/damaged at version/);
    expect(errorsOf({ format: 'convstudio', version: 0.5 })[0]).toMatch(/damaged at version/);
  });
});
