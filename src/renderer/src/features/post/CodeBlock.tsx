import { useEffect, useState, type ReactNode } from 'react';
import { codeLanguage } from './code-languages';

/**
 * Mattermost's code block (webapp/channels/src/components/code_block/code_block.tsx): a wrapping block without language, line numbers
 * and a label for known ones, none of it for unknown ones. Known languages are highlighted.
 */
export function CodeBlock({ lang, text }: { lang: string; text: string }) {
  const language = codeLanguage(lang);
  const [copied, setCopied] = useState(false);
  const [highlighted, setHighlighted] = useState<ReactNode | null>(null);
  // Highlighted once highlight.js has loaded, as in Mattermost: the plain text shows until then.
  useEffect(() => {
    setHighlighted(null);
    if (!language) return;
    let live = true;
    void import('./highlight').then(({ highlightCode }) => live && setHighlighted(highlightCode(text, language.name)));
    return () => {
      live = false;
    };
  }, [text, language?.name]);
  const lines = text.split('\n').length;
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
  };
  return (
    <div className={lang === '' ? 'post-code post-code--wrap' : 'post-code'}>
      <div className="post-code__overlay">
        <button type="button" className="post-code__copy" aria-label="Copy code" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        {language && <span className="post-code__language">{language.label}</span>}
      </div>
      <div className="hljs">
        {language && <div className="post-code__line-numbers">{Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n')}</div>}
        <code>{highlighted ?? text}</code>
      </div>
    </div>
  );
}
