// Monaco with only what Mockmost needs: the editor, the diff editor and the JSON language, its
// workers bundled from our origin (the CSP allows workers from 'self' and blob: only). Loaded on
// demand, the first time an editor is shown.
import * as monaco from 'monaco-editor/editor/editor.api';
// Of the editor's contributions, folding (long bodies in the traffic view open folded) and find (Ctrl/Cmd+F in a body).
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/find/browser/findController';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

/** Monaco's own light or dark look, following the app's (`data-theme`, set by theme/theme-choice.ts). */
function followAppTheme(): void {
  monaco.editor.setTheme(document.documentElement.dataset.theme === 'onyx' ? 'vs-dark' : 'vs');
}
followAppTheme();
new MutationObserver(followAppTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

const schemas = new Map<string, object>();

/**
 * Validates models named `fileName` against `schema`. The JSON language keeps one list of
 * schemas for every editor, so each editor adds its own rather than replacing the others'.
 */
export function addSchema(fileName: string, schema: object): void {
  if (schemas.get(fileName) === schema) return;
  schemas.set(fileName, schema);
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    schemas: [...schemas].map(([name, s]) => ({ uri: `https://mockmost.local/schemas/${name}`, fileMatch: [name], schema: s })),
  });
}

export { monaco };
