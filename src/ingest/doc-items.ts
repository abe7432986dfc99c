// Classifies each cleaned node once (stamp, title-like, prose, lead-in, card) so segmentation stays linear.
import { parseDaySeparator, type SeparatorDay } from './day-separators.ts';
import type { DocNode } from './images.ts';
import { isKeyPointsHeading } from './key-points.ts';
import { parseStamp, type Stamp } from './stamps.ts';
import { lineShape } from './text-lines.ts';

/** A node with its shape computed once. */
export interface DocItem {
  node: DocNode;
  text: string | null;
  stamp: Stamp | null;
  title: boolean;
  prose: boolean;
  body: boolean;
  listItem: boolean;
  /** A line introducing a linked article: "Bryony Gooch reports:", "Read the full article here:". */
  leadIn: boolean;
  /** Title or standfirst of a related-article card following a lead-in. */
  card: boolean;
  /** A line that is only a day ("Tuesday 6 January"): it dates the entries below it. */
  separator: SeparatorDay | null;
  /** A stamp cut from a "14:05 Headline" line; the headline follows as its own item. */
  headlineStamp: boolean;
}

/** Labels that mark a headline as a special kind of entry ("Watch:", "Opinion |", "In pictures:"). */
export const HEADLINE_LABEL =
  /^(?:breaking(?: news)?|just in|watch|video|listen|in pictures|pictures|photos|pictured|gallery|analysis|opinion|comment|view|explainer|explained|editorial|column)\s*[:|–—]\s*/i;

/** Classifies one text line on its own (no look at its neighbours). */
export function classifyText(node: DocNode & { kind: 'text' }): DocItem {
  const text = node.text;
  const stamp = parseStamp(text);
  const separator = stamp === null ? parseDaySeparator(text) : null;
  const shape = lineShape(text);
  const free = stamp === null && separator === null;
  return {
    node,
    text,
    stamp,
    title: free && shape.title,
    prose: free && shape.prose,
    body: free && shape.body,
    listItem: shape.listItem,
    leadIn: free && !shape.listItem && text.endsWith(':') && shape.words <= 15,
    card: false,
    separator,
    headlineStamp: false,
  };
}

export function classify(nodes: DocNode[]): DocItem[] {
  const items: DocItem[] = nodes.map((node) => {
    if (node.kind === 'text') return classifyText(node);
    return {
      node,
      text: null,
      stamp: null,
      title: false,
      prose: false,
      body: false,
      listItem: false,
      leadIn: false,
      card: false,
      separator: null,
      headlineStamp: false,
    };
  });
  markCards(items);
  return items;
}

/** Index of the next text item after i (skipping images), or -1. */
export function nextText(items: DocItem[], i: number): number {
  for (let j = i + 1; j < items.length; j++) if (items[j].text !== null) return j;
  return -1;
}

/** After a lead-in, the next title-like line is a card title; one more title-like line not followed by prose is its standfirst. */
function markCards(items: DocItem[]): void {
  for (let i = 0; i < items.length; i++) {
    if (!items[i].leadIn) continue;
    const t = nextText(items, i);
    if (t < 0 || !items[t].title) continue;
    items[t].card = true;
    const s = nextText(items, t);
    if (s < 0 || !items[s].title || items[s].stamp) continue;
    const after = nextText(items, s);
    if (after < 0 || !items[after].prose) items[s].card = true;
    i = t;
  }
}

/** True when item j opens a new entry by its shape alone: a title-like line followed by body text, or a labelled headline. */
export function looksLikeHeadline(items: DocItem[], j: number): boolean {
  const item = items[j];
  if (!item.title || item.card || item.text === null || isKeyPointsHeading(item.text)) return false;
  if (HEADLINE_LABEL.test(item.text)) return true;
  const next = nextText(items, j);
  return next >= 0 && items[next].body && !items[next].stamp;
}
