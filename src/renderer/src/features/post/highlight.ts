import hljs from 'highlight.js/lib/common';
import { createElement, type ReactNode } from 'react';

// Syntax highlighting with highlight.js (the library Mattermost's web app pins), turned into
// React elements rather than inserted as HTML: only hljs's own spans and their text survive.

const HLJS_CLASSES = /^(hljs-[\w-]+|language_|function_|class_)( (hljs-[\w-]+|language_|function_|class_))*$/;

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  const children = Array.from(node.childNodes, (child, i) => toReact(child, i));
  const element = node as Element;
  const className = element.getAttribute?.('class') ?? '';
  if (element.tagName === 'SPAN' && HLJS_CLASSES.test(className)) return createElement('span', { key, className }, ...children);
  return createElement('span', { key }, ...children);
}

/** The code as highlighted React nodes, or null when highlight.js does not know the language. */
export function highlightCode(text: string, language: string): ReactNode | null {
  if (!hljs.getLanguage(language)) return null;
  const html = hljs.highlight(text, { language, ignoreIllegals: true }).value;
  // An inert document: nothing in it loads or runs, and only its text and hljs spans are kept.
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return Array.from(body.childNodes, (child, i) => toReact(child, i));
}
