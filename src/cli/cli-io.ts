/** What the CLI prints: messages in the chosen language, one line each; exit codes by kind of failure. */
import { msg, translate, type Diagnostic, type Lang, type Msg } from '../core/index.ts';

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

/** How many messages of one kind are printed before the rest are counted (5,000 layers, 5,000 warnings). */
export const SAME_KIND_SHOWN = 3;

/** One line on stderr per message: "error: …"; past SAME_KIND_SHOWN of one kind, one line counting the rest. */
export function printMessages(messages: Msg[], severity: 'error' | 'warning', lang: Lang): void {
  const seen = new Map<string, number>();
  const write = (m: Msg) => process.stderr.write(`${LABELS[lang][severity]}: ${oneLine(translate(m, lang))}\n`);
  for (const m of messages) {
    const count = (seen.get(m.key) ?? 0) + 1;
    seen.set(m.key, count);
    if (count <= SAME_KIND_SHOWN) write(m);
  }
  for (const [, count] of seen) {
    if (count > SAME_KIND_SHOWN) write(msg('cli.moreLikeThis', { count: count - SAME_KIND_SHOWN }));
  }
}

export function printDiagnostics(diagnostics: Diagnostic[], lang: Lang): void {
  for (const severity of ['error', 'warning'] as const) {
    const messages = diagnostics.filter((d) => d.severity === severity).map((d) => d.message);
    if (messages.length > 0) printMessages(messages, severity, lang);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
