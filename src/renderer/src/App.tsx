/** The app: a network (opened, or from a template), its graph, summary and problems. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { analyse, findTemplate, makeProject, type Lang, type LoadResult, type Msg, type Project } from '@core/index.ts';
import { api } from './api/api.ts';
import { DiagnosticsList } from './components/DiagnosticsList.tsx';
import { GraphView } from './components/GraphView.tsx';
import { MessageBanner } from './components/MessageBanner.tsx';
import { SummaryPanel } from './components/SummaryPanel.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { LangProvider } from './i18n/lang-context.tsx';
import { applyTheme, storeLang, storeTheme, storedLang, storedTheme, type Theme } from './state/preferences.ts';

const DEFAULT_TEMPLATE = 'mnist-4-layer';

interface OpenDocument {
  project: Project;
  title: string;
}

function fromTemplate(id: string, lang: Lang): OpenDocument | null {
  const template = findTemplate(id);
  if (!template) return null;
  return {
    project: makeProject(template.build(), template.name.en),
    title: template.name[lang],
  };
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => storedLang() ?? 'en');
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const [doc, setDoc] = useState<OpenDocument | null>(null);
  const [openErrors, setOpenErrors] = useState<Msg[] | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const accept = useCallback((result: LoadResult, title: string) => {
    if (result.ok) {
      setDoc({ project: result.project, title });
      setOpenErrors(null);
    } else {
      setOpenErrors(result.errors);
    }
  }, []);

  useEffect(() => {
    void (async () => {
      const info = await api['app.info']({});
      if (info.ok && !storedLang()) setLang(info.value.systemLang);
      const initial = await api['project.initial']({});
      if (initial.ok && initial.value) {
        accept(initial.value.result, baseName(initial.value.path));
      } else if (!initial.ok) {
        setOpenErrors(initial.error.messages);
      }
      setDoc((current) => current ?? fromTemplate(DEFAULT_TEMPLATE, storedLang() ?? 'en'));
      setReady(true);
    })();
  }, [accept]);

  const openFile = useCallback(
    async (file: File) => {
      const text = await file.text();
      const result = await api['project.readText']({
        fileName: file.name,
        text,
      });
      if (result.ok) accept(result.value, file.name);
      else setOpenErrors(result.error.messages);
    },
    [accept],
  );

  useEffect(() => {
    const onDragOver = (e: DragEvent) => e.preventDefault();
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);

  const analysis = useMemo(() => (doc ? analyse(doc.project.graph) : null), [doc]);

  return (
    <LangProvider lang={lang}>
      <div className="app" data-ready={ready ? 'true' : 'false'}>
        <Toolbar
          title={doc?.title ?? ''}
          onOpenFile={(file) => void openFile(file)}
          onTemplate={(id) => {
            const next = fromTemplate(id, lang);
            if (next) {
              setDoc(next);
              setOpenErrors(null);
            }
          }}
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
        {openErrors && <MessageBanner messages={openErrors} onDismiss={() => setOpenErrors(null)} />}
        {doc && analysis ? (
          <main className="workspace">
            <GraphView graph={doc.project.graph} analysis={analysis} />
            <aside className="side">
              <SummaryPanel analysis={analysis} />
              <DiagnosticsList diagnostics={analysis.diagnostics} />
            </aside>
          </main>
        ) : (
          <main className="workspace workspace--empty" />
        )}
      </div>
    </LangProvider>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
