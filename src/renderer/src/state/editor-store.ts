/**
 * The open document and everything done to it, outside React: the project, its undo history, the selection
 * and the clipboard. Components read slices with `useEditor(selector)`; edits go through `perform`.
 */
import { create } from 'zustand';
import {
  blankProject,
  createHistory,
  isDirty,
  layeredPositions,
  markSaved,
  pasteable,
  perform,
  redo,
  subgraph,
  undo,
  type Command,
  type Graph,
  type History,
  type Project,
} from '@core/index.ts';

export type ProjectSettings = Omit<Project, 'graph'>;

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface EditorState {
  history: History;
  settings: ProjectSettings;
  /** The file this document was opened from or saved to; null for new work and imported models. */
  filePath: string | null;
  /** The name shown in the title. */
  title: string;
  selection: Selection;
  clipboard: Graph | null;
  /** A request to the canvas to fit the whole network, or to bring one layer into view. */
  viewRequest: { epoch: number; focus: string | null };
  /** True when the dataset, training settings or runs changed since the last save (they are not undone). */
  settingsEdited: boolean;
  /**
   * While the network trains it is locked: edits call this instead (it asks whether to stop the run).
   * Null when the network may be edited.
   */
  lock: (() => void) | null;
  /** An exercise's network: shown, never changed. */
  readOnly: boolean;

  requestView(focus: string | null): void;
  perform(command: Command, mergeKey?: string | null): void;
  undo(): void;
  redo(): void;
  /** False when the lock refused it (a run in progress). */
  load(project: Project, options: LoadOptions): boolean;
  markSaved(filePath: string, title: string): void;
  select(selection: Selection): void;
  selectAll(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  deleteSelection(): void;
  autoLayout(): void;
  updateSettings(change: (settings: ProjectSettings) => ProjectSettings): void;
  setLock(lock: (() => void) | null): void;
}

export interface LoadOptions {
  filePath: string | null;
  title: string;
  saved: boolean;
  readOnly?: boolean;
}

export const newId = (): string => crypto.randomUUID();

const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

const initial = blankProject();

export const useEditor = create<EditorState>()((set, get) => ({
  history: createHistory(initial.graph),
  settings: splitProject(initial).settings,
  filePath: null,
  title: '',
  selection: EMPTY_SELECTION,
  clipboard: null,
  viewRequest: { epoch: 0, focus: null },
  settingsEdited: false,
  lock: null,
  readOnly: false,

  requestView: (focus) => set((s) => ({ viewRequest: { epoch: s.viewRequest.epoch + 1, focus } })),
  perform: (command, mergeKey = null) => {
    if (locked(get())) return;
    set((s) => ({ history: perform(s.history, command, mergeKey) }));
  },
  undo: () => {
    if (locked(get())) return;
    set((s) => ({ history: undo(s.history), selection: EMPTY_SELECTION }));
  },
  redo: () => {
    if (locked(get())) return;
    set((s) => ({ history: redo(s.history), selection: EMPTY_SELECTION }));
  },
  updateSettings: (change) => {
    if (get().readOnly) return;
    set((s) => ({ settings: change(s.settings), settingsEdited: true }));
  },
  setLock: (lock) => set({ lock }),

  load: (project, { filePath, title, saved, readOnly = false }) => {
    const { lock } = get();
    if (lock) {
      lock();
      return false;
    }
    const { graph, settings } = splitProject(project);
    set((s) => ({
      history: createHistory(graph, saved),
      settings,
      filePath,
      title,
      selection: EMPTY_SELECTION,
      viewRequest: { epoch: s.viewRequest.epoch + 1, focus: null },
      settingsEdited: !saved,
      readOnly,
    }));
    return true;
  },
  markSaved: (filePath, title) =>
    set((s) => ({ history: markSaved(s.history), filePath, title, settingsEdited: false })),

  select: (selection) => set({ selection }),
  selectAll: () => {
    const graph = get().history.present.graph;
    set({ selection: { nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => e.id) } });
  },
  copy: () => {
    const { history, selection } = get();
    if (selection.nodes.length > 0) set({ clipboard: subgraph(history.present.graph, selection.nodes) });
  },
  paste: () => {
    const { clipboard, history } = get();
    if (!clipboard || locked(get())) return;
    const pasted = pasteable(history.present.graph, clipboard, newId);
    set((s) => ({
      history: perform(s.history, { kind: 'insertGraph', graph: pasted }),
      selection: { nodes: pasted.nodes.map((n) => n.id), edges: pasted.edges.map((e) => e.id) },
      // The next paste lands further along, not on top of this one.
      clipboard: pasted,
    }));
  },
  duplicate: () => {
    get().copy();
    get().paste();
  },
  deleteSelection: () => {
    const { selection } = get();
    if (selection.nodes.length + selection.edges.length === 0 || locked(get())) return;
    set((s) => ({
      history: perform(s.history, { kind: 'remove', nodeIds: selection.nodes, edgeIds: selection.edges }),
      selection: EMPTY_SELECTION,
    }));
  },
  autoLayout: () => {
    if (locked(get())) return;
    const positions = Object.fromEntries(layeredPositions(get().history.present.graph));
    set((s) => ({
      history: perform(s.history, { kind: 'move', positions }),
      viewRequest: { epoch: s.viewRequest.epoch + 1, focus: null },
    }));
  },
}));

/** Tells the lock's owner about an edit it refused; an exercise's network refuses every edit quietly. */
function locked(state: EditorState): boolean {
  if (state.readOnly) return true;
  state.lock?.();
  return state.lock !== null;
}

function splitProject({ graph, ...settings }: Project): { graph: Graph; settings: ProjectSettings } {
  return { graph, settings };
}

/** The project as it would be saved now. */
export function currentProject(state: EditorState): Project {
  return { ...state.settings, graph: state.history.present.graph };
}

export const selectDirty = (state: EditorState): boolean => isDirty(state.history) || state.settingsEdited;
