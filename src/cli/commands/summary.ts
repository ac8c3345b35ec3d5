/** `convstudio summary FILE [--json] [--lang en|zh-TW]` */
import { analyse, summaryJson, summaryText, type Lang } from '../../core/index.ts';
import { readNetworkFile } from '../../services/read-network-file.ts';
import { CliError, EXIT_OK, printDiagnostics } from '../cli-io.ts';

export interface SummaryOptions {
  file: string;
  json: boolean;
  lang: Lang;
}

export async function summaryCommand({ file, json, lang }: SummaryOptions): Promise<number> {
  const loaded = await readNetworkFile(file, { layout: false });
  if (!loaded.ok) throw new CliError(loaded.errors);
  const analysis = analyse(loaded.project.graph);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new CliError(errors.map((d) => d.message));
  printDiagnostics(analysis.diagnostics, lang);
  const out = json
    ? JSON.stringify(summaryJson(analysis)) + '\n'
    : summaryText(analysis, loaded.project.meta.name, lang);
  process.stdout.write(out);
  return EXIT_OK;
}
