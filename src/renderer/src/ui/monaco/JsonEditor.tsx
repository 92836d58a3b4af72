import { useEffect, useRef } from 'react';

type Setup = typeof import('./monaco-setup');
type CodeEditor = import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor;

/** A remark about one key of the document, shown as a squiggle where the key first appears. */
export interface KeyFinding {
  key: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

/** Where a finding's key first appears in the text, for its squiggle. */
function locate(text: string, key: string): { line: number; column: number; length: number } {
  const at = text.indexOf(`"${key}"`);
  const offset = at === -1 ? 0 : at;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, length: at === -1 ? 1 : key.length + 2 };
}

interface Props {
  id: string;
  className: string;
  /** The model's file name: how the JSON language finds its schema; one editor per name. */
  fileName: string;
  schema?: object;
  value: string;
  findings?: KeyFinding[];
  onChange: (text: string) => void;
}

/** Monaco editing one JSON document: schema completion, hover docs and diagnostics, plus extra findings. */
export function JsonEditor({ id, className, fileName, schema, value, findings = [], onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<CodeEditor | null>(null);
  const setup = useRef<Setup | null>(null);
  const applying = useRef(false);
  const change = useRef(onChange);
  change.current = onChange;
  // Monaco loads asynchronously: the model starts from the value current when it is ready.
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    let disposed = false;
    void import('./monaco-setup').then((loaded) => {
      if (disposed || !host.current) return;
      setup.current = loaded;
      if (schema) loaded.addSchema(fileName, schema);
      const uri = loaded.monaco.Uri.parse(`inmemory://mockmost/${fileName}`);
      loaded.monaco.editor.getModel(uri)?.dispose();
      const model = loaded.monaco.editor.createModel(latest.current, 'json', uri);
      editor.current = loaded.monaco.editor.create(host.current, {
        model,
        minimap: { enabled: false },
        automaticLayout: true,
        fontSize: 13,
      });
      model.onDidChangeContent(() => {
        if (!applying.current) change.current(model.getValue());
      });
    });
    return () => {
      disposed = true;
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
    // One editor per document name; later values flow through the model.
  }, [fileName, schema]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model || model.getValue() === value) return;
    // A value from outside (a template) is not an edit to report back.
    applying.current = true;
    model.setValue(value);
    applying.current = false;
  }, [value]);

  useEffect(() => {
    const loaded = setup.current;
    const model = editor.current?.getModel();
    if (!loaded || !model) return;
    const text = model.getValue();
    loaded.monaco.editor.setModelMarkers(
      model,
      'mattermost-rules',
      findings.map((f) => {
        const at = locate(text, f.key);
        return {
          severity: SEVERITY[f.severity],
          message: f.message,
          startLineNumber: at.line,
          startColumn: at.column,
          endLineNumber: at.line,
          endColumn: at.column + at.length,
        };
      }),
    );
  });

  return <div ref={host} id={id} className={className} />;
}
