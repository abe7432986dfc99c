// Turns HTML into text lines the ingest parser understands: one line per block, list items marked, chrome skipped.
import { parseHTML } from 'linkedom';

/** One block of text: a paragraph, heading, list item or table row. */
export interface TextBlock {
  text: string;
  listItem: boolean;
  heading: boolean;
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'nav',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'pre',
  'address',
  'hr',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Minimal DOM shape shared by linkedom nodes (no lib.dom types in this project). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Blocks of an element's content, in document order. */
export function blocksOf(root: unknown): TextBlock[] {
  const out: TextBlock[] = [];
  let line = '';
  let listItem = false;
  let heading = false;
  const flush = () => {
    const text = squash(line);
    if (text) out.push({ text, listItem, heading });
    line = '';
    listItem = false;
    heading = false;
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const isLi = tag === 'li';
    const isHeading = HEADINGS.has(tag);
    const block = isLi || isHeading || BLOCKS.has(tag);
    if (block) flush();
    if (isLi) listItem = true;
    if (isHeading) heading = true;
    if (tag === 'td' || tag === 'th') line += ' ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root as DomNode);
  flush();
  return out;
}

/** Blocks of an HTML fragment or page body. */
export function htmlBlocks(html: string): TextBlock[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blocksOf(document.body);
}

/** Plain text of a JSON-LD text field: HTML (tags or entities) is converted, plain text split on blank lines. */
export function textBlocks(value: string): TextBlock[] {
  if (/<[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);/i.test(value)) return htmlBlocks(value);
  return value
    .split(/\n\s*\n|\r?\n/)
    .map((line) => {
      const bullet = /^\s*(?:[-•*–]\s+)/.exec(line);
      return {
        text: squash(bullet ? line.slice(bullet[0].length) : line),
        listItem: !!bullet,
        heading: false,
      };
    })
    .filter((b) => b.text);
}

/** Blocks as the text lines parseDocument reads: paragraphs separated by blank lines, list items dashed. */
export function blocksToText(blocks: TextBlock[]): string {
  return blocks.map((b) => (b.listItem ? `- ${b.text}` : b.text)).join('\n\n');
}
