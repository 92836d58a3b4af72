import { useEffect, useRef } from 'react';

interface Props {
  id: string;
  className: string;
  original: string;
  modified: string;
}

/** Two JSON texts side by side in Monaco's diff editor, read-only: what was recorded, what came back. */
export function JsonDiff({ id, className, original, modified }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import('./monaco-setup').then(({ monaco }) => {
      if (disposed || !host.current) return;
      const left = monaco.editor.createModel(original, 'json');
      const right = monaco.editor.createModel(modified, 'json');
      const diff = monaco.editor.createDiffEditor(host.current, {
        readOnly: true,
        originalEditable: false,
        automaticLayout: true,
        minimap: { enabled: false },
        renderSideBySide: true,
        // Side by side even in a narrow pane: the two columns are what is being compared.
        useInlineViewWhenSpaceIsLimited: false,
        fontSize: 12,
      });
      diff.setModel({ original: left, modified: right });
      cleanup = () => {
        diff.dispose();
        left.dispose();
        right.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [original, modified]);
  return <div ref={host} id={id} className={className} />;
}
