import katex from 'katex';
import 'katex/dist/katex.min.css';
import { createElement, type CSSProperties, type ReactNode } from 'react';

// Formulas drawn with KaTeX (the version Mattermost's web app pins, with its options), turned
// into React elements rather than inserted as HTML: only the elements and attributes KaTeX
// itself produces survive, and styles are copied property by property, never as a string.

const ELEMENTS = new Set([
  'span',
  'svg',
  'path',
  'line',
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'mglyph',
  'mlabeledtr',
]);

/** KaTeX's attributes, by the React prop they become. */
const ATTRIBUTES: Record<string, string> = {
  class: 'className',
  'aria-hidden': 'aria-hidden',
  encoding: 'encoding',
  mathvariant: 'mathvariant',
  stretchy: 'stretchy',
  fence: 'fence',
  separator: 'separator',
  lspace: 'lspace',
  rspace: 'rspace',
  accent: 'accent',
  accentunder: 'accentunder',
  minsize: 'minsize',
  maxsize: 'maxsize',
  width: 'width',
  height: 'height',
  depth: 'depth',
  columnalign: 'columnalign',
  rowspacing: 'rowspacing',
  columnspacing: 'columnspacing',
  scriptlevel: 'scriptlevel',
  displaystyle: 'displaystyle',
  viewBox: 'viewBox',
  viewbox: 'viewBox',
  preserveAspectRatio: 'preserveAspectRatio',
  preserveaspectratio: 'preserveAspectRatio',
  d: 'd',
  x1: 'x1',
  y1: 'y1',
  x2: 'x2',
  y2: 'y2',
  'stroke-width': 'strokeWidth',
  display: 'display',
};

function styleOf(text: string): CSSProperties {
  const style: Record<string, string> = {};
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    // KaTeX writes lengths, colours and positions; anything that could fetch or run is dropped.
    if (!/^[a-z-]+$/.test(name) || /url\(|expression|javascript|@import|\\/i.test(value)) continue;
    style[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return style as CSSProperties;
}

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const children = Array.from(element.childNodes, (child, i) => toReact(child, i));
  const tag = element.localName;
  if (!ELEMENTS.has(tag)) return children;
  const props: Record<string, unknown> = { key };
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name === 'style') props.style = styleOf(attribute.value);
    else if (ATTRIBUTES[attribute.name]) props[ATTRIBUTES[attribute.name]!] = attribute.value;
  }
  return createElement(tag, props, ...children);
}

/** A formula as React nodes, drawn as Mattermost draws it; KaTeX's own error rendering for bad input. */
export function renderLatex(text: string, displayMode: boolean): ReactNode {
  const html = katex.renderToString(text, {
    displayMode,
    throwOnError: false,
    trust: false,
    maxSize: 200,
    maxExpand: 100,
    fleqn: displayMode,
  });
  // An inert document: nothing in it loads or runs.
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return Array.from(body.childNodes, (child, i) => toReact(child, i));
}
