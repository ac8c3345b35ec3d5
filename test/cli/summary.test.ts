/** `convstudio summary` through the real command, on real files. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../helpers/cli.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/keras');

describe('convstudio summary --json', () => {
  it('prints exactly the documented object for a Keras file', async () => {
    const run = await runCli(['summary', join(FIXTURES, 'tf-keras-2-sequential.json'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!);
    expect(Object.keys(summary)).toEqual([
      'input_shape',
      'total_params',
      'trainable_params',
      'non_trainable_params',
      'macs',
      'layers',
      'nested_models',
    ]);
    expect(summary).toMatchObject({
      input_shape: [28, 28, 1],
      total_params: 1_199_882,
      trainable_params: 1_199_882,
      non_trainable_params: 0,
    });
    expect(summary.layers[0]).toEqual({
      name: 'conv2d',
      type: 'Conv2D',
      output_shape: [26, 26, 32],
      params: 320,
      trainable_params: 320,
      macs: 26 * 26 * 9 * 32,
      receptive_field: [3, 3],
      nested_model: null,
    });
    expect(summary.nested_models).toEqual([]);
    expect(summary.layers.find((l: { name: string }) => l.name === 'flatten').receptive_field).toBeNull();
    expect(summary.macs).toBe(summary.layers.reduce((a: number, l: { macs: number }) => a + l.macs, 0));
  });

  it('reads all four formats', async () => {
    const files = [
      'tf-keras-2-functional.json',
      'keras-2.2-sequential.json',
      'keras-3-sequential.json',
      'keras-3-functional.json',
      'tfjs-layers-model.json',
      'tfjs-converted-model.json',
    ];
    const totals = await Promise.all(
      files.map(async (f) => JSON.parse((await runCli(['summary', join(FIXTURES, f), '--json'])).stdout).total_params),
    );
    expect(totals).toEqual([5_306, 3_702_186, 61_706, 49_186, 5_994, 4_224_970]);
  });
});

describe('convstudio summary (text)', () => {
  it('looks like Keras’s model.summary(), with MACs and receptive field', async () => {
    const run = await runCli(['summary', join(FIXTURES, 'tf-keras-2-sequential.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Model: "sequential"\n_+\n Layer \(type\) +Output Shape +Param # +MACs +Receptive field\n=+\n/,
    );
    expect(run.stdout).toMatch(/ conv2d \(Conv2D\) +\(None, 26, 26, 32\) +320 +194,688 +3×3\n/);
    expect(run.stdout).toMatch(/ flatten \(Flatten\) +\(None, 9216\) +0 +0 +—\n/);
    expect(run.stdout).toMatch(
      /\nTotal params: 1,199,882 \(4\.6 MB\)\nTrainable params: 1,199,882 \(4\.6 MB\)\nNon-trainable params: 0 \(0 B\)\n/,
    );
  });

  it('adds Connected to for branched models', async () => {
    const run = await runCli(['summary', join(FIXTURES, 'tf-keras-2-functional.json')]);
    expect(run.stdout).toMatch(/Connected to/);
    expect(run.stdout).toMatch(/ add \(Add\) +\(None, 32, 32, 16\) +0 +0 +7×7 +stem, conv_b\n/);
  });

  it('speaks Traditional Chinese with --lang zh-TW or a zh_TW locale', async () => {
    const flag = await runCli(['summary', join(FIXTURES, 'keras-3-sequential.json'), '--lang', 'zh-TW']);
    expect(flag.stdout).toMatch(/層 \(類型\)/);
    expect(flag.stdout).toMatch(/總參數: 61,706/);
    const locale = await runCli(['summary', join(FIXTURES, 'keras-3-sequential.json')], { LANG: 'zh_TW.UTF-8' });
    expect(locale.stdout).toMatch(/可訓練參數: 61,706/);
  });
});

describe('warnings', () => {
  it('go to stderr and leave the exit code 0', async () => {
    const file = tempFile(
      'strided.json',
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          layers: [
            { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 28, 28, 1] } },
            { class_name: 'Conv2D', config: { name: 'c', filters: 4, kernel_size: 3, strides: 2 } },
          ],
        },
      }),
    );
    const run = await runCli(['summary', file, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "warning: 'c' (Conv2D): along the height and width, 28−3 = 25 is not divisible by the stride 2, so Keras ignores the last 1 rows and columns of the input.\n",
    );
    expect(JSON.parse(run.stdout).layers[0].output_shape).toEqual([13, 13, 4]);
  });

  it('of one kind: the first three, then one line counting the rest, in both languages', async () => {
    const dense = Array.from({ length: 10 }, (_, i) => ({ class_name: 'Dense', config: { name: `d${i}`, units: 4 } }));
    const file = tempFile(
      'linear.json',
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          layers: [{ class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 4] } }, ...dense],
        },
      }),
    );
    const run = await runCli(['summary', file, '--json']);
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 39))).toEqual([
      "warning: 'd0' (Dense) has no activation",
      "warning: 'd1' (Dense) has no activation",
      "warning: 'd2' (Dense) has no activation",
      'warning: … and 6 more like the ones abo',
    ]);
    expect(lines.at(-1)).toBe('warning: … and 6 more like the ones above.');
    const zh = await runCli(['summary', file, '--json', '--lang', 'zh-TW']);
    expect(zh.stderr.trimEnd().split('\n').at(-1)).toBe('警告: …還有 6 則與上面類似的訊息。');
  });
});

describe('bad input: exit code 2, one line per problem on stderr, nothing on stdout', () => {
  const layer = (class_name: string, config: object) => ({ class_name, config });
  const model = (...layers: object[]) =>
    JSON.stringify({
      class_name: 'Sequential',
      config: { layers: [layer('InputLayer', { name: 'in', batch_input_shape: [null, 28, 28, 1] }), ...layers] },
    });

  it.each<[string, string, RegExp[]]>([
    [
      'not JSON',
      'not json at all',
      [/^error: .*bad\.json is not valid JSON \(line 1, column 1: a character that JSON does not allow here\)/],
    ],
    ['empty', '', [/^error: .*bad\.json is empty\.$/]],
    [
      'truncated',
      model(layer('Dense', { name: 'd', units: 3 })).slice(0, 60),
      [/not valid JSON .*the text ends before the JSON does/],
    ],
    ['deeply nested', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), [/nested more than 100 levels deep/]],
    [
      'unknown layers',
      model(layer('ConvLSTM2D', { name: 'clstm' }), layer('Attention', { name: 'attn' })),
      [
        /^error: The file uses ConvLSTM2D, which ConvStudio does not support yet \(1 layer: 'clstm'\)\.$/,
        /^error: The file uses Attention, which ConvStudio does not support yet \(1 layer: 'attn'\)\.$/,
      ],
    ],
    [
      'out-of-range values',
      model(
        layer('Conv2D', { name: 'conv', filters: 0, kernel_size: 3 }),
        layer('Dropout', { name: 'drop', rate: 1.5 }),
      ),
      [
        /^error: 'conv' \(Conv2D\): filters is 0; it must be a whole number from 1 to 65,536\.$/,
        /^error: 'drop' \(Dropout\): the dropout rate is 1\.5/,
      ],
    ],
    [
      'a model with errors',
      model(layer('Conv2D', { name: 'big', filters: 2, kernel_size: 31 })),
      [/^error: 'big' \(Conv2D\): the kernel \(31\) is larger than the height and width of its input \(28\)/],
    ],
    [
      'not a model',
      JSON.stringify({ hello: 'world' }),
      [/neither a ConvStudio project nor a Keras or TensorFlow\.js model/],
    ],
  ])('%s', async (_name, content, patterns) => {
    const run = await runCli(['summary', tempFile('bad.json', content)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(patterns.length);
    patterns.forEach((pattern, i) => expect(lines[i]).toMatch(pattern));
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+|Error:|node:internal/);
  });

  it('a missing file, a folder, and usage mistakes', async () => {
    const missing = await runCli(['summary', '/nonexistent/model.json']);
    expect([missing.code, missing.stderr]).toEqual([2, 'error: /nonexistent/model.json: no such file.\n']);
    const folder = await runCli(['summary', FIXTURES]);
    expect([folder.code, folder.stderr]).toEqual([2, `error: ${FIXTURES} is a folder, not a file.\n`]);
    const noFile = await runCli(['summary']);
    expect([noFile.code, noFile.stderr]).toEqual([
      2,
      'error: summary needs exactly one FILE. Run convstudio --help.\n',
    ]);
    const badLang = await runCli(['summary', 'x.json', '--lang', 'fr']);
    expect([badLang.code, badLang.stderr]).toEqual([2, "error: --lang must be en or zh-TW, not 'fr'.\n"]);
    const unknown = await runCli(['frobnicate']);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      "error: There is no command 'frobnicate'. Run convstudio --help.\n",
    ]);
    const option = await runCli(['summary', 'x.json', '--colour']);
    expect([option.code, option.stderr]).toEqual([
      2,
      'error: There is no option --colour here, or it needs a value. Run convstudio --help.\n',
    ]);
    const zh = await runCli(['summary', '--lang', 'zh-TW']);
    expect(zh.stderr).toBe('錯誤: summary 需要剛好一個檔案 (FILE)。請執行 convstudio --help。\n');
  });

  it('in Traditional Chinese', async () => {
    const run = await runCli(['summary', '/nonexistent/model.json', '--lang', 'zh-TW']);
    expect(run.stderr).toBe('錯誤: /nonexistent/model.json：找不到這個檔案。\n');
  });
});

describe('convstudio summary of a trained model file (.keras, .h5)', () => {
  const TRAINED = join(import.meta.dirname, '../fixtures/trained');
  const summary = async (file: string) => {
    const run = await runCli(['summary', join(TRAINED, file), '--json']);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
  };

  it('reads them as the app does, with the same figures as the JSON they were made from', async () => {
    const json = await summary('tiny-cnn.keras-config.json');
    expect(json.total_params).toBe(6_810);
    for (const file of ['tiny-cnn.keras', 'tiny-cnn.h5']) {
      const binary = await summary(file);
      expect(binary.layers.map((l: { params: number }) => l.params)).toEqual(
        json.layers.map((l: { params: number }) => l.params),
      );
      expect(binary.total_params).toBe(json.total_params);
    }
  }, 60_000);

  it('says what a weights-only file is, and exits 2', async () => {
    const run = await runCli(['summary', join(TRAINED, 'tiny-cnn.weights.h5')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("holds weights only (Keras's save_weights)");
  }, 60_000);
});
