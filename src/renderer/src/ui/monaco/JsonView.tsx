import { useEffect, useRef } from 'react';

/** Taller documents scroll inside the viewer; longer ones open with their nested levels folded. */
const MAX_HEIGHT = 480;
const FOLD_OVER_LINES = 40;

/** A JSON document in Monaco, read-only: syntax colours, folding, search; as tall as its text up to a limit. */
export function JsonView({ className, text }: { className: string; text: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import('./monaco-setup').then(({ monaco }) => {
      if (disposed || !host.current) return;
      const element = host.current;
      const model = monaco.editor.createModel(text, 'json');
      const editor = monaco.editor.create(element, {
        model,
        readOnly: true,
        domReadOnly: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        wordWrap: 'on',
        lineNumbers: 'off',
        glyphMargin: false,
        folding: true,
        // Computed here rather than by the JSON worker, so that a long document can be folded as it opens.
        foldingStrategy: 'indentation',
        showFoldingControls: 'always',
        renderLineHighlight: 'none',
        automaticLayout: true,
        fontSize: 12,
      });
      const fit = () => {
        element.style.height = `${Math.min(editor.getContentHeight(), MAX_HEIGHT)}px`;
      };
      editor.onDidContentSizeChange(fit);
      fit();
      if (model.getLineCount() > FOLD_OVER_LINES) void editor.getAction('editor.foldLevel2')?.run();
      cleanup = () => {
        editor.dispose();
        model.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [text]);
  return <div ref={host} className={className} />;
}
