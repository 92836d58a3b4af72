import { useState } from 'react';
import { codeLanguage } from './code-languages';

/**
 * Mattermost's code block (rendering.md §3.6): a wrapping block without language, line numbers
 * and a label for known ones, none of it for unknown ones. The text is shown as text.
 */
export function CodeBlock({ lang, text }: { lang: string; text: string }) {
  const language = codeLanguage(lang);
  const [copied, setCopied] = useState(false);
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
        <code>{text}</code>
      </div>
    </div>
  );
}
