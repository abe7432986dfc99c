// Pulls images out of the text: markdown images, photo captions ending in a credit "(AFP/Getty)", gallery markers.
import type { Image } from '../store/types.ts';

/** One cleaned line of the document: running text, or an image taken out of the text. */
export type DocNode = { kind: 'text'; text: string } | { kind: 'image'; image: Image };

const MARKDOWN_IMAGE = /!\[([^\]]{0,500})\]\(([^)\s]{1,2000})(?:\s+"[^"]*")?\)/g;
const MARKDOWN_LINK = /\[([^\]]{1,300})\]\((?:https?:\/\/|\/)[^)\s]{0,2000}\)/g;
const GALLERY_MARKER =
  /^(?:open|view|see) (?:image|images|photo|photos|picture) in gallery$|^(?:image|photo|picture) \d+ of \d+$/i;
const TRAILING_PAREN = /\(([^()]{1,80})\)$/;
const AGENCY =
  /\b(?:AP|AFP|PA|EPA|Reuters|Getty|Shutterstock|Alamy|Bloomberg|Sky News|BBC|ITV|CNN|Handout|Pool|Supplied|Ukrinform|Anadolu|SOPA|NurPhoto|DPA|ANSA|Xinhua|TASS|RIA|Sputnik|WireImage|Rex|Zuma|EFE|Kyodo|Yonhap|Telegram|YouTube|Facebook|Instagram)\b/;
const CREDIT_WORD = /^(?:[\p{Lu}\d][\p{L}\d'’.&-]*|via|and|for|of|the|\/)$/u;

/** Returns the credit when the parenthesis looks like a photo credit ("AFP/Getty", "Jeff Moore/PA", "AP"). */
function creditOf(inner: string, wholeLine: boolean, afterGallery: boolean): string | null {
  const text = inner.trim();
  const words = text.split(/\s+|(?=\/)|(?<=\/)/).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 12) return null;
  if (!words.every((w) => CREDIT_WORD.test(w))) return null;
  if (text.includes('/') || AGENCY.test(text) || wholeLine || afterGallery) return text;
  return null;
}

/** "… Photograph: Jane Doe/Reuters" — a credit written out at the end of a caption. */
const CREDIT_LABEL = /\s*\b(?:Photograph|Photo|Picture|Image|Credit)s?\s*:\s*([^:.!?]{2,80})$/;

/** If the line is a photo caption with a trailing credit, returns the image it describes. */
export function captionImage(line: string, afterGallery = false): Image | null {
  const labelled = CREDIT_LABEL.exec(line);
  if (labelled && creditOf(labelled[1], false, true) !== null) {
    return { alt: line.slice(0, labelled.index).trim(), url: null, credit: labelled[1].trim() };
  }
  const m = TRAILING_PAREN.exec(line);
  if (!m) return afterGallery ? { alt: line, url: null, credit: null } : null;
  const alt = line.slice(0, m.index).trim();
  const credit = creditOf(m[1], alt.length === 0, afterGallery);
  if (credit === null) return afterGallery ? { alt: line, url: null, credit: null } : null;
  return { alt, url: null, credit };
}

/** Turns cleaned lines into nodes, taking markdown images and captions out of the running text. */
export function extractImages(lines: string[]): DocNode[] {
  const nodes: DocNode[] = [];
  let afterGallery = false;
  for (const raw of lines) {
    if (GALLERY_MARKER.test(raw)) {
      afterGallery = true;
      continue;
    }
    let line = raw;
    if (line.includes('![')) {
      line = line.replace(MARKDOWN_IMAGE, (_all, alt: string, url: string) => {
        nodes.push({ kind: 'image', image: { alt: alt.trim(), url, credit: null } });
        return ' ';
      });
      line = line.replace(/ {2,}/g, ' ').trim();
    }
    if (line.includes('](')) line = line.replace(MARKDOWN_LINK, '$1');
    if (line.length === 0) continue;
    const image =
      line.endsWith(')') || afterGallery || line.includes(':') ? captionImage(line, afterGallery) : null;
    afterGallery = false;
    if (image) nodes.push({ kind: 'image', image });
    else nodes.push({ kind: 'text', text: line });
  }
  return nodes;
}
