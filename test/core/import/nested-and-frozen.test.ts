/**
 * Nested models and frozen layers, as Keras counts them: a nested model is one summary row with the sum of
 * its layers; a frozen layer's weights (and everything in a frozen model) are all non-trainable; moving
 * statistics always are. Expected figures by hand from keras/src/layers (Conv2D 3·3·1·8 = 72 without bias,
 * BatchNormalization 4·8 = 32 with 16 non-trainable, Dense (8+1)·16 = 144 and (16+1)·10 = 170).
 */
import { describe, expect, it } from 'vitest';
import {
  analyse,
  applyCommand,
  kerasScript,
  loadModelText,
  makeProject,
  maskAnalysis,
  nestedModels,
  summarise,
  summaryLines,
  readProject,
  summaryJson,
  translate,
} from '../../../src/core/index.ts';
import { exportPlan } from '../../../src/core/export/export-plan.ts';
import { torchModule } from '../../../src/core/export/pytorch-module.ts';
import { teachableMachineModel, transferModel } from '../../helpers/nested-models.ts';

function open(model: unknown) {
  const loaded = loadModelText(JSON.stringify(model), 'model.json');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => translate(e, 'en')).join('\n'));
  return loaded.project;
}

describe('a Teachable Machine export: Sequential[Sequential[Functional], Sequential]', () => {
  it('takes its input shape from the innermost model, and flows shapes through both nested models', () => {
    const project = open(teachableMachineModel());
    const analysis = analyse(project.graph);
    expect(analysis.diagnostics).toEqual([]);
    const byName = Object.fromEntries(analysis.nodes.map((n) => [n.name, n]));
    expect(byName.sequential_base_input!.outputShape).toEqual([28, 28, 1]);
    expect(byName.base_gap!.outputShape).toEqual([8]);
    expect(byName.dense_Dense2!.outputShape).toEqual([10]);
  });

  it('counts as Keras does: the frozen base all non-trainable, the head trainable', () => {
    const summary = summaryJson(analyse(open(teachableMachineModel()).graph));
    expect(summary).toMatchObject({ total_params: 72 + 32 + 144 + 170, non_trainable_params: 72 + 32 });
    expect(summary.nested_models).toEqual([
      { name: 'sequential_base', class_name: 'Sequential', parent: null, params: 104, trainable_params: 0 },
      { name: 'model1', class_name: 'Functional', parent: 'sequential_base', params: 104, trainable_params: 0 },
      { name: 'sequential_head', class_name: 'Sequential', parent: null, params: 314, trainable_params: 314 },
    ]);
    const bn = summary.layers.find((l) => l.name === 'base_bn')!;
    expect(bn).toMatchObject({ params: 32, trainable_params: 0, nested_model: 'model1' });
    expect(summary.layers.find((l) => l.name === 'dense_Dense1')).toMatchObject({ nested_model: 'sequential_head' });
  });
});

describe('a nested model in an exercise', () => {
  it('hides each nested model’s count with the totals, so Sequential([base]) does not show the answer', () => {
    const graph = open(teachableMachineModel()).graph;
    const analysis = analyse(graph);
    const masked = maskAnalysis(analysis, [{ figure: 'totalParams' }]);
    expect(nestedModels(masked).map((m) => m.params)).toEqual([null, null, null]);
    const lines = summaryLines(masked, summarise(masked)).filter((l) => l.kind === 'model');
    expect(lines.map((l) => l.kind === 'model' && [l.model.params, l.macs])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    // Without the total asked, they show.
    expect(nestedModels(maskAnalysis(analysis, [])).map((m) => m.params?.total)).toEqual([104, 104, 314]);
  });
});

describe('exporting a Teachable Machine model', () => {
  it('writes each nested model as a Sequential inside the Sequential, and loads weights through them', () => {
    const keras = kerasScript(makeProject(open(teachableMachineModel()).graph, 'tm'));
    if (!keras.ok) throw new Error('keras');
    expect(keras.text).toContain(
      [
        'model.add(Sequential(',
        '    [',
        '        Sequential(',
        '            [',
        '                Conv2D(filters=8, kernel_size=(3, 3), use_bias=False, trainable=False, name="base_conv"),',
      ].join('\n'),
    );
    expect(keras.text).toContain('            name="model1",\n        ),\n    ],\n    name="sequential_base",\n))');
    expect(keras.text).toContain('            if hasattr(layer, "layers"):  # a nested model: its own layers');
  });
});

describe('a frozen transfer-learning base: Sequential([base, head]) with base.trainable = False', () => {
  it('counts every weight of the base as non-trainable, and says why in the explanation', () => {
    const analysis = analyse(open(transferModel()).graph);
    expect(analysis.totals).toMatchObject({ total: 72 + 32 + 90, trainable: 90, nonTrainable: 104 });
    const conv = analysis.nodes.find((n) => n.name === 'base_conv')!;
    expect(conv.trainable).toBe(false);
    expect(translate(conv.explanations!.params!.rule, 'en')).toMatch(
      /The layer is frozen, so all 72 are non-trainable/,
    );
    expect(translate(conv.explanations!.params!.rule, 'zh-TW')).toMatch(/已凍結/);
  });

  it('unfreezes and freezes again through one edit each (Keras: only the moving statistics stay non-trainable)', () => {
    const graph = open(transferModel()).graph;
    const base = graph.nodes.filter((n) => n.group !== undefined).map((n) => n.id);
    const thawed = applyCommand(graph, { kind: 'setTrainable', nodeIds: base, trainable: true });
    expect(analyse(thawed).totals).toMatchObject({ trainable: 72 + 16 + 90, nonTrainable: 16 });
    expect(thawed.groups).toEqual(graph.groups);
    const frozenAgain = applyCommand(thawed, { kind: 'setTrainable', nodeIds: base, trainable: false });
    expect(analyse(frozenAgain).totals.nonTrainable).toBe(104);
  });

  it('is exported to Keras with trainable=False, and to PyTorch as a nested module with requires_grad_(False) and BN kept in eval', () => {
    const project = makeProject(open(transferModel()).graph, 'transfer');
    const keras = kerasScript(project);
    if (!keras.ok) throw new Error('keras');
    expect(keras.text).toContain(
      'Conv2D(filters=8, kernel_size=(3, 3), use_bias=False, trainable=False, name="base_conv")',
    );
    expect(keras.text).toContain('BatchNormalization(trainable=False, name="base_bn")');
    expect(keras.text).not.toMatch(/Dense\([^)]*trainable=False/);
    const planned = exportPlan(project);
    if (!planned.ok) throw new Error('plan');
    const module = torchModule(planned.plan, 'Transfer');
    const torch = module.lines.join('\n');
    // The nested model is a module of its own, as in Keras; its weights load through it.
    expect(torch).toContain('class FrozenBase(nn.Module):');
    expect(torch).toContain('self.frozen_base = FrozenBase()');
    expect(module.loader.join('\n')).toContain('model.frozen_base.base_conv.weight.copy_(');
    expect(torch).toContain('self.base_conv.requires_grad_(False)');
    expect(torch).toContain('self.base_bn.requires_grad_(False)');
    expect(torch).not.toContain('self.logits.requires_grad_(False)');
    expect(torch).toMatch(/def train\(self, mode=True\):[\s\S]*self\.base_bn\.eval\(\)/);
  });

  it('is saved and read back with its nested model and frozen layers (project version 4)', () => {
    const project = makeProject(open(transferModel()).graph, 'transfer');
    const text = JSON.stringify(project);
    const read = readProject(JSON.parse(text), 'p.convstudio.json');
    if (!read.ok) throw new Error('read');
    expect(read.project.version).toBe(4);
    expect(read.project.graph.groups).toEqual([{ id: 'g1', name: 'frozen_base', className: 'Functional' }]);
    expect(analyse(read.project.graph).totals.nonTrainable).toBe(104);
  });

  it('refuses a project whose layer names a nested model it does not have, in both languages', () => {
    const project = JSON.parse(JSON.stringify(makeProject(open(transferModel()).graph, 'transfer')));
    project.graph.nodes[1].group = 'g9';
    const read = readProject(project, 'p.convstudio.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(translate(read.errors[0]!, 'en')).toMatch(/names the nested model 'g9', which the file does not have/);
    expect(translate(read.errors[0]!, 'zh-TW')).toMatch(/巢狀模型 'g9'/);
  });

  it('opens a version 3 project unchanged: no groups, nothing frozen', () => {
    const v4 = JSON.parse(JSON.stringify(makeProject(open(transferModel()).graph, 'transfer')));
    for (const node of v4.graph.nodes) {
      delete node.trainable;
      delete node.group;
    }
    delete v4.graph.groups;
    const read = readProject({ ...v4, version: 3 }, 'old.convstudio.json');
    if (!read.ok) throw new Error('read');
    expect(read.project.graph.groups).toBeUndefined();
    expect(analyse(read.project.graph).totals.nonTrainable).toBe(16);
  });
});
