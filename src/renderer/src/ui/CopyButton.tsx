import { useState } from 'react';

interface CopyButtonProps {
  id?: string;
  label: string;
  text: () => string;
  /** Replaces the compact tertiary button's classes (the global header's icon buttons). */
  className?: string;
  title?: string;
  /** Shows the icon alone; the label is still read out. */
  iconOnly?: boolean;
}

/** Copies `text()` to the clipboard and says so; "Not copied" when the browser refuses. */
export function CopyButton({ id, label, text, className = 'btn btn-tertiary btn-compact', title, iconOnly = false }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const copy = () => {
    const done = navigator.clipboard?.writeText(text());
    if (!done) return setState('refused');
    done.then(
      () => setState('copied'),
      () => setState('refused'),
    );
  };
  const said = state === 'copied' ? 'Copied' : state === 'refused' ? 'Not copied' : label;
  return (
    <button id={id} type="button" className={className} title={title} onClick={copy} onBlur={() => setState('idle')}>
      <i className={`icon ${state === 'copied' ? 'icon-check' : 'icon-content-copy'}`} aria-hidden="true" />
      {iconOnly ? <span className="sr-only">{said}</span> : ` ${said}`}
    </button>
  );
}
