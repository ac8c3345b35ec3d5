/**
 * Runnable PyTorch scripts for a project: the nn.Module (pytorch-module.ts) with a plain training loop that
 * follows the project's settings as Keras would (the last share of the training data for validation,
 * Keras's optimizer constants, its clipped cross-entropy, early stopping, step decay, augmentation), and a
 * Lightning variant of the same, which trains on several GPUs or machines without changes.
 */
import type { Project } from '../document/project-schema.ts';
import type { TrainingSettings } from '../document/training-schema.ts';
import { exportPlan, type ExportPlan } from './export-plan.ts';
import type { ScriptResult } from './keras-script.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { pythonData } from './python-data.ts';
import { SAY_EN, comment, fill, sayIn, type Say } from './script-words.ts';
import { torchModule, type TorchModule } from './pytorch-module.ts';
import { indent, pyClassName, pyDocText, pyModuleName, pyNumber, pyString } from './python-text.ts';

const mnist = (say: Say) => ({
  imports: [],
  load: [
    `from torchvision.datasets import MNIST  # ${say(msg('script.pipTorchvision'))}`,
    '',
    'train, test = MNIST("data", train=True, download=True), MNIST("data", train=False, download=True)',
    'x_train, y_train = train.data.numpy()[..., None], train.targets.numpy()',
    'x_test, y_test = test.data.numpy()[..., None], test.targets.numpy()',
  ],
});

/** The imports the module and the training code need, as every PyTorch script here writes them. */
export const TORCH_IMPORTS = [
  'import numpy as np',
  'import torch',
  'import torch.nn.functional as F',
  'from torch import nn',
];

/** The optimizer Keras would use, as PyTorch code over `params`. */
export function torchOptimizer(s: TrainingSettings, params: string): string {
  const lr = pyNumber(s.learningRate, true);
  // Keras's constants where PyTorch's differ: epsilon 1e-7, RMSprop's rho 0.9.
  switch (s.optimizer) {
    case 'sgd':
      return `torch.optim.SGD(${params}, lr=${lr})`;
    case 'sgd_momentum':
      return `torch.optim.SGD(${params}, lr=${lr}, momentum=${pyNumber(s.momentum, true)})`;
    case 'rmsprop':
      return `torch.optim.RMSprop(${params}, lr=${lr}, alpha=0.9, eps=1e-7)`;
    case 'adam':
      return `torch.optim.Adam(${params}, lr=${lr}, eps=1e-7)`;
  }
}

/**
 * The loss on the network's outputs and class numbers: PyTorch's own nn.CrossEntropyLoss where the module
 * gives logits (`logits`), else Keras's loss on its probabilities.
 */
export function torchLossFunction(s: TrainingSettings, logits: boolean, say: Say = SAY_EN): string[] {
  if (logits) {
    return [...comment(say(msg('script.logitsLoss'))), 'loss_function = nn.CrossEntropyLoss()'];
  }
  const body: Record<TrainingSettings['loss'], string[]> = {
    categorical_crossentropy: [
      ...comment(say(msg('script.kerasLoss'))),
      'p = (outputs / outputs.sum(dim=1, keepdim=True)).clamp(1e-7, 1 - 1e-7)',
      'return F.nll_loss(torch.log(p), labels)',
    ],
    binary_crossentropy: [
      'target = F.one_hot(labels, outputs.shape[1]).float()',
      'return F.binary_cross_entropy(outputs.clamp(1e-7, 1 - 1e-7), target)',
    ],
    mse: ['return F.mse_loss(outputs, F.one_hot(labels, outputs.shape[1]).float())'],
    mae: ['return F.l1_loss(outputs, F.one_hot(labels, outputs.shape[1]).float())'],
  };
  return ['def loss_function(outputs, labels):', ...indent(body[s.loss])];
}

/**
 * Random rotation, shift, zoom, flip and noise of a batch of images (N, C, H, W), new for every batch, with
 * torch alone, on the batch's own device.
 */
export function torchAugmentFunction(s: TrainingSettings, say: Say = SAY_EN): string[] {
  const a = s.augmentation;
  if (!a) return [];
  return [
    'def augment(x):',
    ...indent([
      'n, device = x.shape[0], x.device',
      `angle = (torch.rand(n, device=device) * 2 - 1) * math.radians(${pyNumber(a.rotation, true)})`,
      `scale = 1 + (torch.rand(n, device=device) * 2 - 1) * ${pyNumber(a.zoom, true)}`,
      `shift = (torch.rand(n, 2, device=device) * 2 - 1) * ${pyNumber(2 * a.shift, true)}  # ${say(msg('script.gridSpan'))}`,
      'cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale',
      'theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)',
      'x = F.grid_sample(x, F.affine_grid(theta, list(x.shape), align_corners=False), align_corners=False)',
      ...(a.flip ? ['flip = torch.rand(n, device=device) < 0.5', 'x[flip] = x[flip].flip(3)'] : []),
      ...(a.noise > 0 ? [`x = x + torch.randn_like(x) * ${pyNumber(a.noise, true)}`] : []),
      'return x',
    ]),
  ];
}

/** What the non-trainable count holds, for the header: only what this network has. */
function nonTrainableNote(plan: ExportPlan, say: Say): string {
  if (plan.totals.nonTrainable === 0) return '';
  const nodes = plan.layers.map((l) => l.node);
  const parts = [
    ...(nodes.some((n) => n.type === 'BatchNormalization') ? [say(msg('script.noteBatchNorm'))] : []),
    ...(nodes.some((n) => n.trainable === false) ? [say(msg('script.noteFrozen'))] : []),
  ];
  return parts.slice(1).reduce((first, second) => say(msg('script.noteJoin', { first, second })), parts[0] ?? '');
}

/** What both scripts share: imports, constants, the module, data loading, loss, augmentation, weight loading. */
function common(plan: ExportPlan, module: TorchModule, extraImports: string[], about: string[], say: Say): string[] {
  const s = plan.project.training;
  const data = pythonData(plan.project.dataset, plan.input.outputShape, s, mnist(say), say);
  const image = plan.input.outputShape.length === 3;
  return [
    `"""${fill(say(msg('script.exportedFrom', { version: '' })), { name: pyDocText(plan.project.meta.name) })}`,
    '',
    say(msg('script.asDrawnTorch', { total: plan.totals.total })),
    say(msg('script.countsTorch', { ...plan.totals, note: nonTrainableNote(plan, say) })),
    ...about,
    '"""',
    ...[
      ...new Set([
        'import os',
        ...(s.earlyStopping ? ['import copy'] : []),
        ...(s.augmentation && image ? ['import math'] : []),
        ...data.imports,
      ]),
    ].sort(),
    '',
    ...TORCH_IMPORTS,
    ...extraImports,
    '',
    `SEED = ${s.seed}`,
    `BATCH_SIZE = ${s.batchSize}`,
    `EPOCHS = ${s.epochs}`,
    `VALIDATION_SPLIT = ${pyNumber(s.validationSplit, true)}`,
    ...comment(say(msg('script.trainedWeights'))),
    `TRAINED_WEIGHTS = ${pyString(`${pyModuleName(plan.project.meta.name)}_weights.npz`)}`,
    '',
    '',
    ...module.lines,
    '',
    '',
    ...module.loader,
    '',
    '',
    ...(data.helpers.length > 0 ? [...data.helpers, '', ''] : []),
    'def load_data():',
    ...indent([
      `"""${say(msg('script.loadDataDoc'))}"""`,
      ...data.load,
      'x_train, x_test = torch.from_numpy(x_train), torch.from_numpy(x_test)',
      ...(image
        ? [
            `x_train, x_test = x_train.permute(0, 3, 1, 2), x_test.permute(0, 3, 1, 2)  # ${say(msg('script.channelsFirst'))}`,
          ]
        : []),
      'y_train, y_test = torch.from_numpy(y_train).long(), torch.from_numpy(y_test).long()',
      'split = len(x_train) - int(len(x_train) * VALIDATION_SPLIT)',
      'return (x_train[:split], y_train[:split]), (x_train[split:], y_train[split:]), (x_test, y_test)',
    ]),
    '',
    '',
    ...torchLossFunction(s, module.logits, say),
    ...(s.augmentation && image ? ['', '', ...torchAugmentFunction(s, say)] : []),
  ];
}

function trainingLoop(plan: ExportPlan, module: TorchModule, stem: string, say: Say): string[] {
  const s = plan.project.training;
  const e = s.earlyStopping;
  const image = plan.input.outputShape.length === 3;
  const watched = e ? e.monitor : null;
  const better = watched?.includes('accuracy') ? '>' : '<';
  return [
    'def evaluate(model, x, y):',
    ...indent([
      'model.eval()',
      'loss, right = 0.0, 0',
      'with torch.no_grad():',
      '    for start in range(0, len(x), 1024):',
      '        outputs = model(x[start : start + 1024])',
      '        loss += loss_function(outputs, y[start : start + 1024]).item() * len(outputs)',
      '        right += (outputs.argmax(1) == y[start : start + 1024]).sum().item()',
      'return loss / max(len(x), 1), right / max(len(x), 1)',
    ]),
    '',
    '',
    'def main():',
    ...indent([
      'torch.manual_seed(SEED)',
      '(x_train, y_train), (x_val, y_val), (x_test, y_test) = load_data()',
      `model = ${module.className}()`,
      'if os.path.exists(TRAINED_WEIGHTS):',
      '    load_keras_weights(model, TRAINED_WEIGHTS)',
      `optimizer = ${torchOptimizer(s, 'model.parameters()')}`,
      ...(s.lrDecay
        ? [
            `scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=${s.lrDecay.everyEpochs}, gamma=${pyNumber(s.lrDecay.factor, true)})`,
          ]
        : []),
      ...(e ? ['best, best_state, waited = None, None, 0'] : []),
      'for epoch in range(1, EPOCHS + 1):',
      ...indent([
        'model.train()',
        'order = torch.randperm(len(x_train))',
        'total, right = 0.0, 0',
        'for start in range(0, len(x_train), BATCH_SIZE):',
        ...indent([
          'batch = order[start : start + BATCH_SIZE]',
          `x, y = ${s.augmentation && image ? 'augment(x_train[batch])' : 'x_train[batch]'}, y_train[batch]`,
          'optimizer.zero_grad()',
          'outputs = model(x)',
          `loss = loss_function(outputs, y)${module.penalised ? ' + model.penalty()' : ''}`,
          'loss.backward()',
          'optimizer.step()',
          'total += loss.item() * len(batch)',
          'right += (outputs.argmax(1) == y).sum().item()',
        ]),
        ...(s.lrDecay ? ['scheduler.step()'] : []),
        'metrics = {"loss": total / len(x_train), "accuracy": right / len(x_train)}',
        'if len(x_val) > 0:',
        '    metrics["val_loss"], metrics["val_accuracy"] = evaluate(model, x_val, y_val)',
        `print(f${pyString(say(msg('script.epochLine')))} + " ".join(f"{k} {v:.4f}" for k, v in metrics.items()))`,
        ...(e
          ? [
              `value = metrics.get(${pyString(e.monitor)})`,
              `if value is not None and (best is None or value ${better} best):`,
              '    best, best_state, waited = value, copy.deepcopy(model.state_dict()), 0',
              'else:',
              '    waited += 1',
              `    if waited > ${e.patience}:`,
              `        print(${pyString(say(msg('script.earlyStop', { monitor: e.monitor, epochs: e.patience + 1 })))})`,
              '        break',
            ]
          : []),
      ]),
      ...(e?.restoreBestWeights ? ['if best_state is not None:', '    model.load_state_dict(best_state)'] : []),
      'test_loss, test_accuracy = evaluate(model, x_test, y_test)',
      `print(f${pyString(say(msg('script.testResult')))})`,
      `torch.save(model.state_dict(), ${pyString(`${stem}.pt`)})`,
    ]),
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ];
}

function lightningTask(plan: ExportPlan, module: TorchModule, say: Say): string[] {
  const s = plan.project.training;
  const e = s.earlyStopping;
  const image = plan.input.outputShape.length === 3;
  const mode = e?.monitor.includes('accuracy') ? 'max' : 'min';
  return [
    'class Task(L.LightningModule):',
    ...indent([
      `"""${say(msg('script.lightningDoc', { className: module.className }))}"""`,
      '',
      'def __init__(self):',
      `    super().__init__()`,
      `    self.model = ${module.className}()`,
      '    if os.path.exists(TRAINED_WEIGHTS):',
      '        load_keras_weights(self.model, TRAINED_WEIGHTS)',
      '',
      'def forward(self, x):',
      '    return self.model(x)',
      '',
      'def step(self, batch, prefix, train=False):',
      ...indent([
        'x, y = batch',
        ...(s.augmentation && image ? ['if train:', '    x = augment(x)'] : []),
        'outputs = self.model(x)',
        `loss = loss_function(outputs, y)${module.penalised ? ' + self.model.penalty()' : ''}`,
        'self.log(f"{prefix}loss", loss, prog_bar=True, sync_dist=True)',
        'self.log(f"{prefix}accuracy", (outputs.argmax(1) == y).float().mean(), prog_bar=True, sync_dist=True)',
        'return loss',
      ]),
      '',
      'def training_step(self, batch, index):',
      '    return self.step(batch, "", train=True)',
      '',
      'def validation_step(self, batch, index):',
      '    self.step(batch, "val_")',
      '',
      'def test_step(self, batch, index):',
      '    self.step(batch, "test_")',
      '',
      'def configure_optimizers(self):',
      ...indent([
        `optimizer = ${torchOptimizer(s, 'self.parameters()')}`,
        ...(s.lrDecay
          ? [
              `scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=${s.lrDecay.everyEpochs}, gamma=${pyNumber(s.lrDecay.factor, true)})`,
              'return {"optimizer": optimizer, "lr_scheduler": scheduler}',
            ]
          : ['return optimizer']),
      ]),
    ]),
    '',
    '',
    'def main():',
    ...indent([
      'L.seed_everything(SEED)',
      '(x_train, y_train), (x_val, y_val), (x_test, y_test) = load_data()',
      'train = DataLoader(TensorDataset(x_train, y_train), batch_size=BATCH_SIZE, shuffle=True)',
      'val = DataLoader(TensorDataset(x_val, y_val), batch_size=1024)',
      'test = DataLoader(TensorDataset(x_test, y_test), batch_size=1024)',
      'callbacks = []',
      ...(e
        ? [
            `callbacks.append(EarlyStopping(monitor=${pyString(e.monitor)}, patience=${e.patience}, mode=${pyString(mode)}))`,
            ...(e.restoreBestWeights
              ? [`callbacks.append(ModelCheckpoint(monitor=${pyString(e.monitor)}, mode=${pyString(mode)}))`]
              : []),
          ]
        : []),
      ...comment(say(msg('script.lightningDevices'))),
      'trainer = L.Trainer(max_epochs=EPOCHS, accelerator="auto", devices="auto", callbacks=callbacks)',
      'task = Task()',
      'trainer.fit(task, train, val if len(x_val) > 0 else None)',
      `trainer.test(task, test${e?.restoreBestWeights ? ', ckpt_path="best"' : ''})`,
    ]),
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ];
}

export function pytorchScripts(
  project: Project,
  lang: Lang = 'en',
): { ok: true; files: { fileName: string; text: string }[] } | Extract<ScriptResult, { ok: false }> {
  const planned = exportPlan(project);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const stem = pyModuleName(plan.project.meta.name);
  const say = sayIn(lang);
  const module = torchModule(plan, pyClassName(plan.project.meta.name), say);
  const plain = [
    ...common(
      plan,
      module,
      [],
      [
        '',
        say(msg('script.torchNeeds')),
        say(msg('script.train', { file: `${stem}_pytorch.py` })),
        say(msg('script.useElsewhere', { module: `${stem}_pytorch`, className: module.className })),
      ],
      say,
    ),
    '',
    '',
    ...trainingLoop(plan, module, stem, say),
  ];
  const lightning = [
    ...common(
      plan,
      module,
      [
        'import lightning as L',
        ...(plan.project.training.earlyStopping
          ? [
              `from lightning.pytorch.callbacks import EarlyStopping${plan.project.training.earlyStopping.restoreBestWeights ? ', ModelCheckpoint' : ''}`,
            ]
          : []),
        'from torch.utils.data import DataLoader, TensorDataset',
      ],
      [
        '',
        say(msg('script.lightningAbout')),
        say(msg('script.lightningNeeds')),
        say(msg('script.train', { file: `${stem}_lightning.py` })),
      ],
      say,
    ),
    '',
    '',
    ...lightningTask(plan, module, say),
  ];
  return {
    ok: true,
    files: [
      { fileName: `${stem}_pytorch.py`, text: plain.join('\n') },
      { fileName: `${stem}_lightning.py`, text: lightning.join('\n') },
    ],
  };
}
