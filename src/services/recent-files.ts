/** The list of recently opened and saved files, newest first, kept in the data folder. */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';

const MAX_RECENT = 10;
const recentSchema = z.array(z.string()).catch([]);

export class RecentFiles {
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'recent-files.json');
  }

  /** The files that still exist. */
  async list(): Promise<string[]> {
    return (await this.read()).filter((path) => existsSync(path));
  }

  async add(path: string): Promise<void> {
    const next = [path, ...(await this.read()).filter((p) => p !== path)].slice(0, MAX_RECENT);
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
  }

  private async read(): Promise<string[]> {
    try {
      return recentSchema.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch {
      return [];
    }
  }
}
