// Finds the editors' "Key Points" bullet list near the top of a live blog.
import type { DocItem } from './doc-items.ts';
import { listItemText } from './text-lines.ts';

const KEY_POINTS_HEADING =
  /^(?:key (?:points|events|updates|developments|takeaways)|at a glance|what we know(?: so far)?|summary|highlights|the latest|latest updates|in brief)\s*:?$/i;

export function isKeyPointsHeading(text: string): boolean {
  return KEY_POINTS_HEADING.test(text);
}

/**
 * If items[i] is a key-points heading followed by bullet items, returns the bullet texts and the index
 * after the last bullet; otherwise null.
 */
export function readKeyPoints(items: DocItem[], i: number): { points: string[]; end: number } | null {
  const heading = items[i];
  if (heading.text === null || !isKeyPointsHeading(heading.text)) return null;
  const points: string[] = [];
  let j = i + 1;
  while (j < items.length && (items[j].listItem || items[j].text === null)) {
    const text = items[j].text;
    if (text !== null) points.push(listItemText(text));
    j++;
  }
  return points.length > 0 ? { points, end: j } : null;
}
