import { useEffect, useRef } from 'react';
import type { Finding } from '../../../../shared/schemas/payload-rules';
import { PAYLOAD_SCHEMAS, type PayloadKind } from '../../../../shared/schemas/payload-schemas';

type Setup = typeof import('./monaco-setup');

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

/** Where a finding's key first appears in the text, for its squiggle. */
function locate(text: string, key: string): { line: number; column: number; length: number } {
  const at = text.indexOf(`"${key}"`);
  const offset = at === -1 ? 0 : at;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1, length: at === -1 ? 1 : key.length + 2 };
}

interface Props {
  kind: PayloadKind;
  value: string;
  findings: Finding[];
  onChange: (text: string) => void;
}

/**
 * Monaco editing a payload, validated against the kind's JSON Schema (completion, hover docs,
 * diagnostics) plus Mattermost's own rules as extra markers.
 */
export function MonacoEditor({ kind, value, findings, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor | null>(null);
  const setup = useRef<Setup | null>(null);
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
      loaded.jsonDefaults.setDiagnosticsOptions({
        validate: true,
        allowComments: false,
        schemas: [{ uri: `https://mockmost.local/schemas/${kind}.json`, fileMatch: [`${kind}.json`], schema: PAYLOAD_SCHEMAS[kind] }],
      });
      const model = loaded.monaco.editor.createModel(latest.current, 'json', loaded.monaco.Uri.parse(`inmemory://payload/${kind}.json`));
      editor.current = loaded.monaco.editor.create(host.current, {
        model,
        minimap: { enabled: false },
        automaticLayout: true,
        fontSize: 13,
      });
      model.onDidChangeContent(() => change.current(model.getValue()));
    });
    return () => {
      disposed = true;
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
    // The editor is created once per kind; later value changes flow through the model.
  }, [kind]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
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

  return <div ref={host} id="composer-editor" className="composer__editor" data-testid="composerEditor" />;
}
