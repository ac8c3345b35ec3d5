// Types of app-build.mjs (plain JavaScript: the `convstudio` command runs it before anything is compiled).
export const PACKAGE_ROOT: string;
export const OUT_DIR: string;
export const BUILD_OUTPUTS: string[];
export function sourceSignature(): string;
export function buildIsCurrent(): boolean;
export function ensureBuilt(say?: (line: string) => void): Promise<string | null>;
