/** What the CLI prints: messages in the chosen language, one line each; exit codes by kind of failure. */
import { translate, type Diagnostic, type Lang, type Msg } from '../core/index.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export class CliError extends Error {
  constructor(
    readonly messages: Msg[],
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super('CLI error');
  }
}

const LABELS = {
  en: { error: 'error', warning: 'warning' },
  'zh-TW': { error: '錯誤', warning: '警告' },
} as const;

/** One line on stderr per message: "error: …". */
export function printMessages(messages: Msg[], severity: 'error' | 'warning', lang: Lang): void {
  for (const m of messages) process.stderr.write(`${LABELS[lang][severity]}: ${oneLine(translate(m, lang))}\n`);
}

export function printDiagnostics(diagnostics: Diagnostic[], lang: Lang): void {
  for (const d of diagnostics) printMessages([d.message], d.severity, lang);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
