/**
 * A project's name is text of the user's — or of whoever made the file a student opens. Written into the
 * exported scripts' docstrings and into the program the PyTorch backend runs, it must stay text: Python
 * parses every script, each docstring holds the name as it was, and nothing but definitions, imports and
 * assignments stands at the top of the program (no name can close a docstring and write code).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kerasScript,
  makeProject,
  pytorchScripts,
  sequential,
  torchTrainingProgram,
  type LayerSpec,
} from '../../src/core/index.ts';

const HOSTILE = [
  'x"""\nprint("INJECTED")\n"""',
  '"""; import os; os.system("echo INJECTED") #',
  "'''",
  '\\',
  '\\N{',
  'a\r\nb',
  '"',
  '\u2028\u0000',
];

const CHECK = `
import ast, json, sys

def shape(tree):
    """The statements' kinds, at the top and in each class: what an injected statement would change."""
    top = [type(n).__name__ for n in tree.body]
    classes = [[type(m).__name__ for m in n.body] for n in tree.body if isinstance(n, ast.ClassDef)]
    return top, classes

cases = json.load(open(sys.argv[1]))
for case in cases:
    tree = ast.parse(open(case["file"], encoding="utf-8").read())
    reference = ast.parse(open(case["reference"], encoding="utf-8").read())
    node = tree if case["where"] == "module" else next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Network")
    doc = ast.get_docstring(node, clean=False)
    assert doc.startswith(case["name"]), (case["file"], doc[:80], case["name"])
    assert shape(tree) == shape(reference), (case["file"], "statements of its own")
print(len(cases))
`;

describe('names in exported Python', () => {
  it('stay text in every script and in the PyTorch backend’s program', () => {
    // Each script is held against the same script for a plain name: an injected statement shows.
    const names = [...HOSTILE, ...fc.sample(fc.string({ unit: 'binary', maxLength: 24 }), { numRuns: 60, seed: 7 })];
    const graph = sequential([
      { type: 'Input', params: { shape: [28, 28, 1] } },
      { type: 'Flatten', params: {} },
      { type: 'Dense', params: { units: 10, activation: 'softmax' } },
    ] as LayerSpec[]);
    const dir = mkdtempSync(join(tmpdir(), 'convstudio-injection-'));
    const cases: { file: string; reference: string; name: string; where: 'module' | 'class' }[] = [];
    ['plain', ...names].forEach((name, i) => {
      const project = makeProject(graph, name);
      const keras = kerasScript(project);
      const torch = pytorchScripts(project);
      const program = torchTrainingProgram(project);
      if (!keras.ok || !torch.ok || !program.ok) throw new Error(`export refused for ${JSON.stringify(name)}`);
      const files: [string, string, 'module' | 'class'][] = [
        [`${i}_keras.py`, keras.text, 'module'],
        ...torch.files.map((f, j): [string, string, 'module'] => [`${i}_${j}_torch.py`, f.text, 'module']),
        [`${i}_program.py`, program.program.source, 'class'],
      ];
      for (const [file, text, where] of files) {
        writeFileSync(join(dir, file), text);
        const reference = join(dir, file.replace(/^\d+_/, '0_'));
        if (i > 0) cases.push({ file: join(dir, file), reference, name, where });
      }
    });
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    writeFileSync(join(dir, 'check.py'), CHECK);
    const checked = execFileSync('python3', [join(dir, 'check.py'), join(dir, 'cases.json')], { encoding: 'utf8' });
    expect(Number(checked.trim())).toBe(cases.length);
  });
});
