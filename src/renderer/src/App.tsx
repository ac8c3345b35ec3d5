/** The app: palette, canvas and side panels around the open network, with files, languages and themes. */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { analyse, type Lang } from '@core/index.ts';
import { api } from './api/api.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { Banners } from './components/Banners.tsx';
import { Dialogs } from './components/Dialogs.tsx';
import { DiagnosticsList } from './components/DiagnosticsList.tsx';
import { LockedNote } from './components/LockedNote.tsx';
import { Palette } from './components/Palette.tsx';
import { SummaryPanel } from './components/SummaryPanel.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { accept, openFile, refreshRecent } from './files/file-actions.ts';
import { useAutosave } from './hooks/use-autosave.ts';
import { useShortcuts } from './hooks/use-shortcuts.ts';
import { LangProvider } from './i18n/lang-context.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { useEditor } from './state/editor-store.ts';
import { applyTheme, storeLang, storeTheme, storedLang, storedTheme, type Theme } from './state/preferences.ts';
import { listenToTrainer, selectRunning, useTraining } from './state/training-store.ts';
import { useUi } from './state/ui-store.ts';
import { TrainView } from './training/TrainView.tsx';

/** Asks the host what it is, opens the file it was started with, and offers back unsaved work. */
async function startUp(setLang: (lang: Lang) => void): Promise<void> {
  const info = await api['app.info']({});
  if (info.ok) {
    useUi.getState().set({ info: info.value });
    if (!storedLang()) setLang(info.value.systemLang);
  }
  const initial = await api['project.initial']({});
  if (initial.ok && initial.value) accept(initial.value.result, initial.value.path, initial.value.path);
  else if (!initial.ok) useUi.getState().set({ banner: { kind: 'openError', messages: initial.error.messages } });
  const autosave = await api['autosave.read']({});
  if (autosave.ok && autosave.value) useUi.getState().set({ restore: autosave.value });
  await refreshRecent();
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => storedLang() ?? 'en');
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const [ready, setReady] = useState(false);
  const graph = useEditor((s) => s.history.present.graph);
  const analysis = useMemo(() => analyse(graph), [graph]);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    void startUp(setLang).finally(() => setReady(true));
  }, []);
  useEffect(() => listenToTrainer(), []);
  const view = useUi((s) => s.view);
  const training = useTraining(selectRunning);
  useShortcuts();
  useAutosave(ready);

  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void openFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <LangProvider lang={lang}>
      <div className="app" data-ready={ready ? 'true' : 'false'}>
        <Toolbar
          onLang={(l) => {
            setLang(l);
            storeLang(l);
          }}
          theme={theme}
          onTheme={(th) => {
            setTheme(th);
            storeTheme(th);
          }}
        />
        <Banners />
        {training && view === 'design' && <LockedNote />}
        {view === 'design' ? (
          <main className={`workspace${training ? ' workspace--locked' : ''}`}>
            <Palette />
            <ReactFlowProvider>
              <Canvas analysis={analysis} locked={training} />
            </ReactFlowProvider>
            <aside className="side">
              <Inspector analysis={analysis} />
              <SummaryPanel analysis={analysis} />
              <DiagnosticsList diagnostics={analysis.diagnostics} />
            </aside>
          </main>
        ) : (
          <main className="workspace workspace--train">
            <TrainView />
          </main>
        )}
        <Dialogs />
      </div>
    </LangProvider>
  );
}
