/**
 * Undo and redo as a history of document snapshots, kept outside any UI. Snapshots share every unchanged
 * node, so they are cheap. Consecutive edits with the same merge key (typing digits into one field, one
 * drag) within a second become one step. A saved marker tells whether there is unsaved work.
 */
import type { Graph } from '../document/graph-schema.ts';
import { applyCommand, type Command } from './commands.ts';

export interface HistoryEntry {
  readonly graph: Graph;
  /** Edits with the same key, close in time, merge into one undo step. */
  readonly mergeKey: string | null;
  readonly at: number;
}

export interface History {
  readonly past: readonly HistoryEntry[];
  readonly present: HistoryEntry;
  readonly future: readonly HistoryEntry[];
  /** The entry that matches the file on disk, or null when none does. */
  readonly saved: HistoryEntry | null;
  /** False right after undo or redo: the next edit starts a new step. */
  readonly mergeable: boolean;
}

export const MERGE_WINDOW_MS = 1_000;
export const MAX_UNDO_STEPS = 500;

export function createHistory(graph: Graph, saved = true): History {
  const present: HistoryEntry = { graph, mergeKey: null, at: 0 };
  return { past: [], present, future: [], saved: saved ? present : null, mergeable: false };
}

/** Applies a command as one undoable step, or merges it into the last one. A command that changes nothing adds nothing. */
export function perform(history: History, command: Command, mergeKey: string | null = null, now = Date.now()): History {
  const graph = applyCommand(history.present.graph, command);
  if (graph === history.present.graph) return history;
  const merge =
    history.mergeable &&
    mergeKey !== null &&
    history.present.mergeKey === mergeKey &&
    now - history.present.at < MERGE_WINDOW_MS &&
    history.present !== history.saved;
  return {
    past: merge ? history.past : [...history.past, history.present].slice(-MAX_UNDO_STEPS),
    present: { graph, mergeKey, at: now },
    future: [],
    saved: history.saved,
    mergeable: true,
  };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    mergeable: false,
  };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return {
    ...history,
    past: [...history.past, history.present],
    present: next,
    future: history.future.slice(1),
    mergeable: false,
  };
}

export const canUndo = (history: History): boolean => history.past.length > 0;
export const canRedo = (history: History): boolean => history.future.length > 0;

/** True when the document differs from what was last saved, or was never saved. */
export function isDirty(history: History): boolean {
  return history.saved !== history.present;
}

export function markSaved(history: History): History {
  return { ...history, saved: history.present, mergeable: false };
}
