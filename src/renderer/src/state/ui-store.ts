/** What the app shows around the document: host facts, banners, dialogs waiting for an answer. */
import { create } from 'zustand';
import type { AppInfo, AutosaveSnapshot, LayerType, Msg } from '@core/index.ts';
import type { PlaygroundStart } from '../help/WindowPlayground.tsx';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface Banner {
  /** openNotice: a file opened, and there is something to know about it (its weights came, or why not). */
  kind: 'openError' | 'saveError' | 'openNotice';
  messages: Msg[];
}

export interface UiState {
  /** Drawing the network, training it, or setting or doing an exercise on it. */
  view: 'design' | 'train' | 'exercise';
  info: AppInfo | null;
  banner: Banner | null;
  /** Unsaved work found at start, offered back. */
  restore: AutosaveSnapshot | null;
  /** The in-app Save As dialog (browser host), waiting for a path or null. */
  saveAsPrompt: { suggestedPath: string; answer: (path: string | null) => void } | null;
  /** The unsaved-changes question, waiting for an answer. */
  unsavedPrompt: { answer: (choice: UnsavedChoice) => void } | null;
  /** Saving would replace a file that is not ConvStudio's: replace it (true) or not. */
  replacePrompt: { path: string; answer: (replace: boolean) => void } | null;
  recent: string[];
  /** The Export code dialog is open. */
  exportOpen: boolean;
  /** The first-start welcome is shown (until a choice or "Not now"; Help shows it again). */
  welcome: boolean;
  /** The guided tour of the first CNN is going on. */
  tour: boolean;
  /** The Help dialog is open. */
  helpOpen: boolean;
  /** The built-in lesson going on (its id), checked on the canvas as the person edits. */
  lesson: string | null;
  /** The "What is this layer?" page open, for this type. */
  layerPage: LayerType | null;
  /** Convolution and pooling step by step, open with these settings. */
  playground: PlaygroundStart | null;
  set(partial: Partial<Omit<UiState, 'set'>>): void;
}

export const useUi = create<UiState>()((set) => ({
  view: 'design',
  info: null,
  banner: null,
  restore: null,
  saveAsPrompt: null,
  unsavedPrompt: null,
  replacePrompt: null,
  recent: [],
  exportOpen: false,
  welcome: false,
  tour: false,
  helpOpen: false,
  playground: null,
  layerPage: null,
  lesson: null,
  set: (partial) => set(partial),
}));
