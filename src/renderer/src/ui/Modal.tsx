import { useEffect, useRef, type ReactNode } from 'react';

/** A dialog over the page: Escape or a click outside closes it, and focus starts inside it. */
export function Modal({ id, title, onClose, children }: { id: string; title: string; onClose: () => void; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close.current();
    window.addEventListener('keydown', onKey);
    if (!box.current?.contains(document.activeElement)) box.current?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div id={id} ref={box} className="modal-content" role="dialog" aria-modal="true" aria-label={title} tabIndex={-1}>
        <h2 className="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
