/** Saving, recent files, autosave, exercise files and printed PDFs on a real disk. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  askEveryLayer,
  findTemplate,
  loadModelText,
  makeExercise,
  makeProject,
  translate,
} from '../../src/core/index.ts';
import { createApiHandlers, type HandlerOptions } from '../../src/services/api-handlers.ts';
import { TrainingService } from '../../src/services/training-service.ts';
import { AutosaveStore } from '../../src/services/autosave-store.ts';
import { writeFileAtomic } from '../../src/services/atomic-write.ts';
import { openProject, saveExercise, saveProject } from '../../src/services/project-files.ts';
import { RecentFiles } from '../../src/services/recent-files.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'convstudio-files-'));
const project = () => makeProject(findTemplate('lenet-5')!.build(), 'LeNet');

describe('saving projects', () => {
  it('writes the project, adds the extension, leaves no temporary file and records it as recent', async () => {
    const dir = temp();
    const recent = new RecentFiles(join(dir, 'data'));
    const result = await saveProject(join(dir, 'projects', 'lenet'), project(), recent);
    expect(result).toEqual({ ok: true, path: join(dir, 'projects', 'lenet.convstudio.json') });
    expect(readdirSync(join(dir, 'projects'))).toEqual(['lenet.convstudio.json']);
    const reread = loadModelText(readFileSync(join(dir, 'projects', 'lenet.convstudio.json'), 'utf8'), 'x');
    expect(reread).toEqual({ ok: true, project: project(), kind: 'project' });
    expect(await recent.list()).toEqual([join(dir, 'projects', 'lenet.convstudio.json')]);
  });

  it('a failed write leaves the old file whole and says why', async () => {
    const dir = temp();
    const target = join(dir, 'net.convstudio.json');
    writeFileSync(target, 'the old contents');
    // A non-empty folder where the file should go makes the final rename fail, even for root.
    const blocked = join(dir, 'blocked.convstudio.json');
    mkdirSync(join(blocked, 'child'), { recursive: true });
    const result = await saveProject(blocked, project(), new RecentFiles(join(dir, 'data')));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(translate(result.errors[0]!, 'en')).toMatch(
        /blocked\.convstudio\.json could not be saved \(E\w+\)\. Your work is still open/,
      );
    expect(readFileSync(target, 'utf8')).toBe('the old contents');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes only ConvStudio files: another extension gets ours, and a file that is not ours needs consent', async () => {
    const dir = temp();
    const recent = new RecentFiles(join(dir, 'data'));
    writeFileSync(join(dir, 'settings.json'), '{"theme":"dark"}');
    const asJson = await saveProject(join(dir, 'settings.json'), project(), recent);
    expect(asJson).toEqual({ ok: true, path: join(dir, 'settings.convstudio.json') });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"theme":"dark"}');
    const graph = project().graph;
    const exercise = makeExercise(graph, analyse(graph), { title: 'x', instructions: '', questions: [] });
    expect((await saveExercise(join(dir, 'notes.txt'), exercise, recent)).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([
      'data',
      'notes.txt.exercise.convstudio.json',
      'settings.convstudio.json',
      'settings.json',
    ]);

    const foreign = join(dir, 'other.convstudio.json');
    writeFileSync(foreign, 'somebody else’s file');
    const refused = await saveProject(foreign, project(), recent);
    expect(refused).toMatchObject({ ok: false, notOurs: foreign });
    if (!refused.ok) {
      expect(translate(refused.errors[0]!, 'en')).toBe(
        `${foreign} already exists and is not a ConvStudio file: saving would replace it.`,
      );
      expect(translate(refused.errors[0]!, 'zh-TW')).toContain('不是 ConvStudio 的檔案');
    }
    expect(readFileSync(foreign, 'utf8')).toBe('somebody else’s file');
    expect((await saveProject(foreign, project(), recent, true)).ok).toBe(true);
    // Our own file is replaced without a question.
    expect(await saveProject(foreign, project(), recent)).toEqual({ ok: true, path: foreign });
  });

  it('replaces a file in one step', async () => {
    const dir = temp();
    const path = join(dir, 'a.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('opening a project records it; recent files forget files that are gone and keep ten', async () => {
    const dir = temp();
    const recent = new RecentFiles(join(dir, 'data'));
    for (let i = 0; i < 12; i++) await saveProject(join(dir, `p${i}`), project(), recent);
    const opened = await openProject(join(dir, 'p3.convstudio.json'), recent);
    expect(opened.result.ok).toBe(true);
    const list = await recent.list();
    expect(list).toHaveLength(10);
    expect(list[0]).toBe(join(dir, 'p3.convstudio.json'));
    rmSync(join(dir, 'p11.convstudio.json'));
    expect(await recent.list()).not.toContain(join(dir, 'p11.convstudio.json'));
  });

  it('a damaged recent-files list is treated as empty', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'recent-files.json'), '{ not json');
    expect(await new RecentFiles(dir).list()).toEqual([]);
  });
});

describe('autosave', () => {
  it('keeps unsaved work until it is cleared', async () => {
    const dir = temp();
    const store = new AutosaveStore(dir);
    expect(await store.read()).toBeNull();
    await store.write({ project: project(), path: null }, new Date('2026-11-23T10:00:00Z'));
    expect(await store.read()).toEqual({ project: project(), path: null, savedAt: '2026-11-23T10:00:00.000Z' });
    await store.clear();
    expect(await store.read()).toBeNull();
    expect(existsSync(join(dir, 'autosave.json'))).toBe(false);
  });

  it('ignores a damaged autosave file', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'autosave.json'), '{"project": 1}');
    expect(await new AutosaveStore(dir).read()).toBeNull();
  });
});

describe('exercise files and printed sheets', () => {
  const fourLayer = () => {
    const graph = findTemplate('mnist-4-layer')!.build();
    const analysis = analyse(graph);
    return makeExercise(graph, analysis, {
      title: 'Counting',
      instructions: '',
      questions: askEveryLayer(analysis, 'params'),
    });
  };

  it('keeps a student’s unsaved answers through the API, with the exercise they answer', async () => {
    const dir = temp();
    const api = createApiHandlers(hostOptions(dir));
    const exercise = { ...fourLayer(), answers: { totalParams: '1,199,882', 'conv2d/params': '320' } };
    const network = makeProject(findTemplate('mnist-4-layer')!.build());
    await api['autosave.write']({ project: network, path: '/work/counting.exercise.convstudio.json', exercise });
    const kept = await api['autosave.read']({});
    expect(kept).toMatchObject({ project: network, path: '/work/counting.exercise.convstudio.json', exercise });
    // Written to disk, so a new start of the app reads it back.
    expect(await new AutosaveStore(join(dir, 'data')).read()).toMatchObject({ exercise });
    await api['autosave.clear']({});
    expect(await api['autosave.read']({})).toBeNull();
  });

  it('saves an exercise with its extension, opens it back as an exercise and lists it as recent', async () => {
    const dir = temp();
    const recent = new RecentFiles(join(dir, 'data'));
    const exercise = { ...fourLayer(), answers: { totalParams: '1,199,882' } };
    const result = await saveExercise(join(dir, 'counting'), exercise, recent);
    const path = join(dir, 'counting.exercise.convstudio.json');
    expect(result).toEqual({ ok: true, path });
    const opened = await openProject(path, recent);
    expect(opened.result.ok && opened.result.kind).toBe('exercise');
    if (opened.result.ok && opened.result.kind === 'exercise') expect(opened.result.exercise).toEqual(exercise);
    expect(await recent.list()).toEqual([path]);
  });

  const hostOptions = (dir: string): HandlerOptions => ({
    host: 'browser',
    version: '0',
    systemLang: 'en',
    initialFile: null,
    dataDir: join(dir, 'data'),
    projectsFolder: dir,
    training: new TrainingService({ dataDir: join(dir, 'data'), emit: () => {} }),
  });

  /** The API's handlers as Electron main makes them, with its print and Save dialog replaced by these. */
  const handlers = (dir: string, savePath: string | null) => {
    const asked: Array<[string, string | undefined]> = [];
    const api = createApiHandlers({
      ...hostOptions(dir),
      host: 'electron',
      dialogs: {
        open: async () => null,
        folder: async () => null,
        save: async (name, kind) => {
          asked.push([name, kind]);
          return savePath;
        },
      },
      printPdf: async () => new TextEncoder().encode('%PDF-1.4 the sheet'),
    });
    return { api, asked };
  };

  it('prints to a PDF file where the host can, asking where with a PDF filter', async () => {
    const dir = temp();
    const { api, asked } = handlers(dir, join(dir, 'sheets', 'counting worksheet'));
    expect((await api['app.info']({})).printsPdf).toBe(true);
    const result = await api['print.pdf']({ suggestedName: 'Counting - worksheet.pdf' });
    expect(result).toEqual({ ok: true, path: join(dir, 'sheets', 'counting worksheet.pdf') });
    expect(readFileSync(join(dir, 'sheets', 'counting worksheet.pdf'), 'utf8')).toBe('%PDF-1.4 the sheet');
    expect(asked).toEqual([['Counting - worksheet.pdf', 'pdf']]);
  });

  it('writes nothing when the Save dialog is cancelled, and says why a PDF could not be written', async () => {
    const dir = temp();
    expect(await handlers(dir, null).api['print.pdf']({ suggestedName: 'x.pdf' })).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    mkdirSync(join(dir, 'taken.pdf', 'child'), { recursive: true });
    const failed = await handlers(dir, join(dir, 'taken.pdf')).api['print.pdf']({ suggestedName: 'x.pdf' });
    expect(failed?.ok).toBe(false);
    if (failed && !failed.ok) expect(translate(failed.errors[0]!, 'zh-TW')).toMatch(/taken\.pdf/);
  });

  it('a host without its own printing says so, and prints nothing', async () => {
    const dir = temp();
    const api = createApiHandlers(hostOptions(dir));
    expect((await api['app.info']({})).printsPdf).toBe(false);
    expect(await api['print.pdf']({ suggestedName: 'x.pdf' })).toBeNull();
  });
});
