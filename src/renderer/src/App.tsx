/** The app: palette, canvas and side panels around the open network, with files, languages and themes. */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { analyse, maskAnalysis, type Lang } from '@core/index.ts';
import { api } from './api/api.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { Banners } from './components/Banners.tsx';
import { Dialogs } from './components/Dialogs.tsx';
import { DiagnosticsList } from './components/DiagnosticsList.tsx';
import { HelpDialog } from './help/HelpDialog.tsx';
import { WindowPlayground } from './help/WindowPlayground.tsx';
import { LayerPage } from './help/LayerPage.tsx';
import { TourPanel } from './help/TourPanel.tsx';
import { LessonPanel } from './help/LessonPanel.tsx';
import { Welcome } from './help/Welcome.tsx';
import { LockedNote } from './components/LockedNote.tsx';
import { Palette } from './components/Palette.tsx';
import { SummaryPanel } from './components/SummaryPanel.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { accept, openFiles, refreshRecent } from './files/file-actions.ts';
import { useAutosave } from './hooks/use-autosave.ts';
import { useShortcuts } from './hooks/use-shortcuts.ts';
import { LangProvider } from './i18n/lang-context.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { useEditor } from './state/editor-store.ts';
import {
  applyTheme,
  storeLang,
  storeTheme,
  storedLang,
  storedTheme,
  welcomeSeen,
  type Theme,
} from './state/preferences.ts';
import { listenToTrainer, selectRunning, useTraining } from './state/training-store.ts';
import { useUi } from './state/ui-store.ts';
import { TrainView } from './training/TrainView.tsx';
import { ExerciseView } from './exercise/ExerciseView.tsx';
import { useDraft } from './exercise/exercise-draft.ts';
import { PrintSheet } from './exercise/PrintSheet.tsx';
import { StudentNote } from './exercise/StudentNote.tsx';
import { useExercise } from './state/exercise-store.ts';

/** Asks the host what it is, opens the file it was started with, and offers back unsaved work. */
async function startUp(setLang: (lang: Lang) => void): Promise<void> {
  const info = await api['app.info']({});
  if (info.ok) {
    useUi.getState().set({ info: info.value });
    if (!storedLang()) setLang(info.value.systemLang);
  }
  const initial = await api['project.initial']({});
  if (initial.ok && initial.value) {
    accept(initial.value.result, initial.value.path, initial.value.path, initial.value.notices);
  } else if (!initial.ok) useUi.getState().set({ banner: { kind: 'openError', messages: initial.error.messages } });
  const autosave = await api['autosave.read']({});
  if (autosave.ok && autosave.value) useUi.getState().set({ restore: autosave.value });
  // A first start with nothing to open: the welcome, with the guided tour.
  else if (!(initial.ok && initial.value) && !welcomeSeen()) useUi.getState().set({ welcome: true });
  await refreshRecent();
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => storedLang() ?? 'en');
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const [ready, setReady] = useState(false);
  const graph = useEditor((s) => s.history.present.graph);
  const analysis = useMemo(() => analyse(graph), [graph]);
  const student = useExercise((s) => s.student);
  const draft = useDraft();
  // A student sees the network with the asked figures hidden everywhere but on the exercise sheet.
  const studentQuestions = student?.exercise.questions;
  const shown = useMemo(
    () => (studentQuestions ? maskAnalysis(analysis, studentQuestions) : analysis),
    [analysis, studentQuestions],
  );

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
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      void openFiles(files);
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
        <Welcome />
        {training && view === 'design' && <LockedNote />}
        {student && view === 'design' && <StudentNote />}
        {view === 'design' && (
          <main className={`workspace${training ? ' workspace--locked' : ''}${student ? ' workspace--exercise' : ''}`}>
            {!student && <Palette />}
            <ReactFlowProvider>
              <Canvas analysis={shown} locked={training || student !== null} />
            </ReactFlowProvider>
            <aside className="side">
              {!student && <TourPanel />}
              {!student && <LessonPanel analysis={shown} />}
              <Inspector analysis={shown} readOnly={student !== null} />
              <SummaryPanel analysis={shown} />
              <DiagnosticsList diagnostics={shown.diagnostics} fixable={training || student ? null : analysis} />
            </aside>
          </main>
        )}
        {view === 'train' && (
          <main className="workspace workspace--train">
            <TrainView />
          </main>
        )}
        {view === 'exercise' && (
          <main className="workspace workspace--sheet">
            <ExerciseView graph={graph} analysis={analysis} />
          </main>
        )}
        <Dialogs />
        <HelpDialog />
        <WindowPlayground />
        <LayerPage />
      </div>
      <PrintSheet graph={graph} analysis={analysis} exercise={draft} />
    </LangProvider>
  );
}
