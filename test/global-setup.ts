/**
 * Before any test: the app built from the sources as they are (the `convstudio` command, the browser host's
 * page and the trainer bundle run from out/), once, so that test files running the command side by side find
 * it current instead of each building it.
 */
import { ensureBuilt } from '../scripts/app-build.mjs';

export default async function setup(): Promise<void> {
  const problem = await ensureBuilt();
  if (problem) throw new Error(problem);
}
