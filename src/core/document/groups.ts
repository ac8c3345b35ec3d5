/**
 * Nested models (groups) as the canvas draws them: which layers each holds, at any depth, and which layers
 * a collapsed group hides (each hidden layer stands behind its outermost collapsed group).
 */
import type { Graph, Group } from './graph-schema.ts';

/** A group's chain of parents, innermost first, itself included. */
export function groupChain(groups: readonly Group[], id: string): string[] {
  const parent = new Map(groups.map((g) => [g.id, g.parent]));
  const chain: string[] = [];
  for (let at: string | undefined = id; at !== undefined && chain.length <= groups.length; at = parent.get(at)) {
    chain.push(at);
  }
  return chain;
}

/** Every layer of each group, the layers of the groups inside it included. */
export function groupLayers(graph: Graph): Map<string, string[]> {
  const groups = graph.groups ?? [];
  const layers = new Map<string, string[]>(groups.map((g) => [g.id, []]));
  const chains = new Map<string, string[]>();
  for (const node of graph.nodes) {
    if (node.group === undefined) continue;
    let chain = chains.get(node.group);
    if (!chain) chains.set(node.group, (chain = groupChain(groups, node.group)));
    for (const id of chain) layers.get(id)?.push(node.id);
  }
  return layers;
}

/** For each hidden layer, the outermost collapsed group it lies in. */
export function collapsedOwners(graph: Graph): Map<string, string> {
  const groups = graph.groups ?? [];
  const collapsed = new Set(groups.filter((g) => g.collapsed).map((g) => g.id));
  const owners = new Map<string, string>();
  if (collapsed.size === 0) return owners;
  const ownerOf = new Map<string, string | null>();
  for (const node of graph.nodes) {
    if (node.group === undefined) continue;
    if (!ownerOf.has(node.group)) {
      const chain = groupChain(groups, node.group).filter((id) => collapsed.has(id));
      ownerOf.set(node.group, chain.at(-1) ?? null);
    }
    const owner = ownerOf.get(node.group);
    if (owner) owners.set(node.id, owner);
  }
  return owners;
}

/** The group directly inside `parent` (undefined: the outer model) that a layer of `group` lies in, if any. */
export function childGroupOf(
  groups: readonly Group[],
  group: string | undefined,
  parent: string | undefined,
): string | undefined {
  if (group === undefined) return undefined;
  const chain = groupChain(groups, group);
  const at = parent === undefined ? chain.length - 1 : chain.indexOf(parent) - 1;
  return at >= 0 ? chain[at] : undefined;
}
