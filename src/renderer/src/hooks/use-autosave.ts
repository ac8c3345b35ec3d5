/**
 * Every few seconds, unsaved work goes to the app's data folder; once the work is saved (or back to what
 * was saved) the copy is removed. A crash or a killed process therefore loses at most a few seconds.
 */
import { useEffect } from 'react';
import type { HistoryEntry } from '@core/index.ts';
import { api } from '../api/api.ts';
import { currentProject, selectDirty, useEditor, type ProjectSettings } from '../state/editor-store.ts';

export const AUTOSAVE_INTERVAL_MS = 2_000;

export function useAutosave(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let written: [HistoryEntry, ProjectSettings] | null = null;
    let busy = false;
    const tick = async () => {
      const state = useEditor.getState();
      const present = state.history.present;
      if (busy || (present === written?.[0] && state.settings === written[1])) return;
      busy = true;
      try {
        if (selectDirty(state)) {
          await api['autosave.write']({ project: currentProject(state), path: state.filePath });
        } else if (written !== null) {
          await api['autosave.clear']({});
        }
        written = [present, state.settings];
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void tick(), AUTOSAVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [enabled]);
}
