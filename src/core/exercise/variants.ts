/**
 * Variants of an exercise, so that neighbours cannot copy: the same network with other filter counts,
 * kernel sizes, strides and input sizes, drawn within the ranges the teacher set. Each variant has a code
 * (four letters, no 0/O or 1/I) the student types in to get their own network and have it checked; the
 * variants and their codes follow from the exercise itself, so the file stores only the ranges and never an
 * answer. A draw that gives an invalid network (a kernel that no longer fits…) is drawn again; a variant
 * is never invalid, and the variants differ from each other where the ranges allow.
 */
import { z } from 'zod';
import { analyse } from '../analysis/analyse.ts';
import type { Graph, LayerNode } from '../document/graph-schema.ts';
import { seededRandom } from '../training/seeded-random.ts';

const range = (min: number, max: number) =>
  z.tuple([z.number().int().min(min).max(max), z.number().int().min(min).max(max)]);

export const MAX_VARIANTS = 60;

export const variantSettingsSchema = z
  .object({
    count: z.number().int().min(2).max(MAX_VARIANTS).default(3),
    /** Conv2D filters: the powers of two in this range. */
    filters: range(1, 1024).default([8, 64]),
    /** Conv2D kernel sizes (square): the odd ones in this range. */
    kernel: range(1, 11).default([3, 5]),
    /** Conv2D strides (square). */
    strides: range(1, 4).default([1, 1]),
    /** The Input's height and width (square; its channels stay). */
    inputSize: range(4, 512).default([24, 32]),
  })
  .strict();
export type VariantSettings = z.infer<typeof variantSettingsSchema>;

export interface Variant {
  /** 1, 2, … */
  number: number;
  code: string;
  graph: Graph;
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Draws per variant before it is allowed to repeat an earlier one, and in all before giving up on one. */
const DISTINCT_TRIES = 40;
const TRIES = 200;

/** FNV-1a: a stable 32-bit number from text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/**
 * What the variants of an exercise follow from: its title and its network's layers and connections (ids,
 * types, in order), the same in the teacher's page and in the file a student opens.
 */
function variantSeed(exercise: { title: string; graph: Graph }): string {
  const nodes = exercise.graph.nodes.map((n) => `${n.id}:${n.type}`).join(',');
  const edges = exercise.graph.edges.map((e) => `${e.source}>${e.target}`).join(',');
  return `${exercise.title.trim()}\n${nodes}\n${edges}`;
}

/** Variant n's code: four letters drawn from the seed, drawn again while an earlier variant has it. */
function variantCode(seed: string, n: number, taken: ReadonlySet<string>): string {
  const random = seededRandom(hash(`${seed}#${n}`));
  for (;;) {
    const code = Array.from({ length: 4 }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join('');
    if (!taken.has(code)) return code;
  }
}

function choices([min, max]: readonly [number, number], keep: (v: number) => boolean): number[] {
  const out: number[] = [];
  for (let v = Math.min(min, max); v <= Math.max(min, max); v++) if (keep(v)) out.push(v);
  return out;
}

function pick<T>(list: readonly T[], random: () => number, fallback: T): T {
  return list.length === 0 ? fallback : list[Math.floor(random() * list.length)]!;
}

function drawn(graph: Graph, settings: VariantSettings, random: () => number): Graph {
  const filters = choices(settings.filters, (v) => (v & (v - 1)) === 0);
  const kernels = choices(settings.kernel, (v) => v % 2 === 1);
  const strides = choices(settings.strides, () => true);
  const sizes = choices(settings.inputSize, () => true);
  const nodes = graph.nodes.map((node): LayerNode => {
    if (node.type === 'Input' && node.params.shape.length === 3) {
      const size = pick(sizes, random, node.params.shape[0]!);
      return { ...node, params: { ...node.params, shape: [size, size, node.params.shape[2]!] } };
    }
    if (node.type !== 'Conv2D') return node;
    const k = pick(kernels, random, node.params.kernel_size[0]);
    const s = pick(strides, random, node.params.strides[0]);
    return {
      ...node,
      params: {
        ...node.params,
        filters: pick(filters, random, node.params.filters),
        kernel_size: [k, k],
        strides: [s, s],
      },
    };
  });
  return { ...graph, nodes };
}

const valid = (graph: Graph) => !analyse(graph).diagnostics.some((d) => d.severity === 'error');
const signature = (graph: Graph) => JSON.stringify(graph.nodes.map((n) => n.params));

/**
 * The exercise's variants, in order: each valid, different from the earlier ones where the ranges allow
 * (else a repeat), and the teacher's own network where no draw in the ranges is valid.
 */
export function exerciseVariants(exercise: { title: string; graph: Graph }, settings: VariantSettings): Variant[] {
  const seed = variantSeed(exercise);
  const seen = new Set<string>();
  const codes = new Set<string>();
  const variants: Variant[] = [];
  for (let n = 1; n <= settings.count; n++) {
    const random = seededRandom(hash(`${seed}@${n}`));
    let chosen: Graph | null = null;
    for (let attempt = 0; attempt < TRIES && !chosen; attempt++) {
      const graph = drawn(exercise.graph, settings, random);
      if (valid(graph) && (attempt >= DISTINCT_TRIES || !seen.has(signature(graph)))) chosen = graph;
    }
    const graph = chosen ?? exercise.graph;
    seen.add(signature(graph));
    const code = variantCode(seed, n, codes);
    codes.add(code);
    variants.push({ number: n, code, graph });
  }
  return variants;
}

/** The variant a code (as typed: any case, spaces ignored) stands for, or null. */
export function variantByCode(variants: readonly Variant[], typed: string): Variant | null {
  const code = typed.replace(/\s+/g, '').toUpperCase();
  return variants.find((v) => v.code === code) ?? null;
}

/** An exercise's variants as its file says them; none where it has one network for all. */
export function variantsOf(exercise: { title: string; graph: Graph; variants: VariantSettings | null }): Variant[] {
  return exercise.variants ? exerciseVariants(exercise, exercise.variants) : [];
}

/** The network a student works on: their variant's once they have typed its code, else the exercise's own. */
export function studentNetwork(exercise: {
  title: string;
  graph: Graph;
  variants: VariantSettings | null;
  variantCode: string | null;
}): { graph: Graph; awaitsCode: boolean } {
  if (!exercise.variants) return { graph: exercise.graph, awaitsCode: false };
  const variant = variantByCode(variantsOf(exercise), exercise.variantCode ?? '');
  return variant ? { graph: variant.graph, awaitsCode: false } : { graph: exercise.graph, awaitsCode: true };
}
