import { useState } from 'react';

/** Copies `text()` to the clipboard and says so; "Not copied" when the browser refuses. */
export function CopyButton({ id, label, text }: { id?: string; label: string; text: () => string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const copy = () => {
    const done = navigator.clipboard?.writeText(text());
    if (!done) return setState('refused');
    done.then(
      () => setState('copied'),
      () => setState('refused'),
    );
  };
  return (
    <button id={id} type="button" className="btn btn-tertiary btn-compact" onClick={copy} onBlur={() => setState('idle')}>
      <i className={`icon ${state === 'copied' ? 'icon-check' : 'icon-content-copy'}`} aria-hidden="true" />{' '}
      {state === 'copied' ? 'Copied' : state === 'refused' ? 'Not copied' : label}
    </button>
  );
}
