import { useEffect, useState, type ReactNode } from 'react';

/** A formula with KaTeX, loaded on first use; its source shows until then. */
function useLatex(text: string, displayMode: boolean): ReactNode | null {
  const [rendered, setRendered] = useState<ReactNode | null>(null);
  useEffect(() => {
    setRendered(null);
    let live = true;
    void import('./katex-render').then(({ renderLatex }) => live && setRendered(renderLatex(text, displayMode)));
    return () => {
      live = false;
    };
  }, [text, displayMode]);
  return rendered;
}

/** A ```latex block with LaTeX enabled (webapp/channels/src/components/code_block/latex_block.tsx). */
export function LatexBlock({ text }: { text: string }) {
  return <div className="post-body--code tex">{useLatex(text, true) ?? text}</div>;
}

/** Inline `$…$` with inline LaTeX enabled. */
export function InlineLatex({ text }: { text: string }) {
  return <span className="post-body--code inline-tex">{useLatex(text, false) ?? text}</span>;
}
