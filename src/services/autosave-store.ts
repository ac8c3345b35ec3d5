/**
 * Unsaved work, written every few seconds to the data folder, so that after a crash or a killed process the
 * next start can offer it back. Cleared when the work is saved or discarded.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { exerciseSchema, projectSchema, type Exercise, type Project } from '../core/index.ts';
import { writeFileAtomic } from './atomic-write.ts';

export interface UnsavedWork {
  project: Project;
  /** The file the work belongs to, or null for a new project. */
  path: string | null;
  /** A student's exercise with their answers (the work is the answers, the network is read-only). */
  exercise?: Exercise;
}

export interface Autosave extends UnsavedWork {
  savedAt: string;
}

const autosaveSchema = z.object({
  project: projectSchema,
  path: z.string().nullable(),
  exercise: exerciseSchema.optional(),
  savedAt: z.string(),
});

export class AutosaveStore {
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'autosave.json');
  }

  async write(work: UnsavedWork, now = new Date()): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const autosave: Autosave = { ...work, savedAt: now.toISOString() };
    await writeFileAtomic(this.file, JSON.stringify(autosave));
  }

  /** The unsaved work, or null when there is none or it cannot be read. */
  async read(): Promise<Autosave | null> {
    try {
      const parsed = autosaveSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
