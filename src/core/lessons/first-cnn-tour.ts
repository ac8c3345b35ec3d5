/**
 * The guided tour of a first start: the course's 4-layer MNIST CNN built layer by layer on the person's own
 * canvas. The steps are the template's layers (templates.ts: one place for the network); a step is done when
 * the chain of layers from the Input has that layer there, of that type and with those key settings (as
 * the canvas shows them: '32 × 3×3 · s1 · valid · ReLU'). The tour says what to add next, or what is not
 * yet right about a layer, and ends with Keras's count, 1,199,882.
 */
import { analyse } from '../analysis/analyse.ts';
import type { Graph, LayerNode } from '../document/graph-schema.ts';
import { msg, type Msg } from '../i18n/messages.ts';
import { keySettings, keySettingsMsg } from '../summary/key-settings.ts';
import { findTemplate } from '../templates/templates.ts';

export const TOUR_TEMPLATE = 'mnist-4-layer';

export interface TourState {
  /** Steps done, the Input counted as the first. */
  done: number;
  total: number;
  /** What to do now, or the end. */
  say: Msg;
  /** The network's parameter count, once every step is done. */
  finished: number | null;
}

const same = (a: LayerNode, b: LayerNode) => a.type === b.type && keySettings(a) === keySettings(b);

/** The layers from the Input onwards, while each has exactly one layer after it. */
function chain(graph: Graph): LayerNode[] {
  const out: LayerNode[] = [];
  const seen = new Set<string>();
  let at: LayerNode | undefined = graph.nodes.find((n) => n.type === 'Input');
  while (at && !seen.has(at.id)) {
    const id: string = at.id;
    seen.add(id);
    out.push(at);
    const next = graph.edges.filter((e) => e.source === id);
    at = next.length === 1 ? graph.nodes.find((n) => n.id === next[0]!.target) : undefined;
  }
  return out;
}

export function tourState(graph: Graph): TourState {
  const target = findTemplate(TOUR_TEMPLATE)!.build().nodes;
  const drawn = chain(graph);
  let done = 0;
  while (done < target.length && drawn[done] && same(drawn[done]!, target[done]!)) done++;
  const total = target.length;
  const finished = done === total && drawn.length === total && graph.nodes.length === total;
  if (finished) {
    const params = analyse(graph).totals.total;
    return { done, total, say: msg('tour.done', { params }), finished: params };
  }
  if (done === total) return { done, total, say: msg('tour.extra'), finished: null };
  const wanted = target[done]!;
  const there = drawn[done];
  const n = done + 1;
  const settings = keySettingsMsg(wanted);
  if (!there) {
    if (wanted.type === 'Input') return { done, total, say: msg('tour.input', { settings }), finished: null };
    return { done, total, say: msg('tour.add', { n, total, layer: wanted.type, settings }), finished: null };
  }
  return {
    done,
    total,
    say: msg('tour.fix', {
      n,
      total,
      layer: wanted.type,
      settings,
      found: there.type,
      foundSettings: keySettingsMsg(there) || '—',
    }),
    finished: null,
  };
}
