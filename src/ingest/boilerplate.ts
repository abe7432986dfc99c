// Drops news-site chrome: donation appeals, comment-forum text, sign-up and app promos, paywall tails.
import type { DocNode } from './images.ts';
import { parseStamp } from './stamps.ts';

/** Whole lines that are site chrome, never content (matched case-insensitively against the full line). */
export const CHROME_LINES: readonly RegExp[] = [
  /^stay up to date with notifications from\b/i,
  /^notifications can be managed in (?:your )?browser (?:preferences|settings)\.?$/i,
  /^get all your news in one place\.?$/i,
  /^\d+(?:['’]?s|\+)? (?:of )?(?:premium |trusted |global )*(?:titles|sources|publications)\.?$/i,
  /^one app\.?(?: one membership\.?)?$/i,
  /^(?:start reading|read more|support now|support us|donate(?: now)?|continue reading|show more|load more)$/i,
  /^join (?:our|the) comment(?:ing|s)? (?:forum|section)$/i,
  /^join (?:the )?thought-provoking conversations\b/i,
  /^comments?(?: \(\d+\))?$/i,
  /^thank you for registering$/i,
  /^please refresh (?:the page|your browser)\b/i,
  /^sign up to read this article$/i,
  /^read news from \d+/i,
  /^already a (?:member|subscriber)\??\b/i,
  /^(?:related (?:stories|articles|content)|more stories|our picks|top stories(?: on \S+)?(?: right now)?)$/i,
  /^one subscription that gives you access\b/i,
  /^(?:\w+|\d+) days? free(?: trial)?$/i,
  /^download (?:the|our) app$/i,
  /^(?:advertisement|advert|sponsored(?: content)?|skip to (?:main )?content|share(?: this article)?|copy link|listen to (?:this )?article|most (?:read|popular)|you may also like|sign in|sign up|log ?in|register|subscribe(?: now)?)$/i,
  /^sign up (?:to|for) (?:our|the) .{0,60}newsletter/i,
  /^get (?:our|the) .{0,40}newsletter/i,
  /^(?:we|this site) uses? cookies\b/i,
  /^(?:click|tap) here to\b/i,
  /^(?:follow|like) us on \w+/i,
  /^your support makes all the difference\.?$/i,
  /^\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?) ago$/i,
  /^(?:show key events only|reuse this content|view image in fullscreen|please turn on javascript\b.*|live|live updates|pinned(?: post)?|updated)$/i,
  /^(?:share on (?:facebook|twitter|x|whatsapp|linkedin|email)|(?:facebook|twitter|whatsapp|linkedin|email|print))$/i,
];

/** Lines after which the rest of the page is chrome (comment forum, paywall, related links). */
const TAIL_MARKERS =
  /^(?:join (?:our|the) comment(?:ing|s)? forum|sign up to read this article|related stories|top stories on \S+ right now|you may also like|most (?:read|popular))$/i;

const APPEAL_START = /^your support helps us (?:to )?tell the story\b/i;
const APPEAL_END = /your support makes all the difference\.?$/i;
const APPEAL_CUES =
  /\b(?:your support|your donation|paywalls?|support (?:us|our journalism)|make a (?:donation|contribution)|independent journalism|quality journalism|reporters on the ground|paid for by those who can afford|help us (?:to )?(?:keep|tell))\b/gi;

/** Chrome lines are short; one combined pattern keeps the check to a single scan. */
const MAX_CHROME_LENGTH = 200;
const CHROME_ANY = new RegExp(CHROME_LINES.map((re) => `(?:${re.source})`).join('|'), 'i');

function isChrome(line: string): boolean {
  return line.length <= MAX_CHROME_LENGTH && CHROME_ANY.test(line);
}

const APPEAL_HINT = /support|donation|paywall|journalism|reporters on|paid for|help us/i;

/** Appeal paragraphs are full sentences; shorter lines are left to the line lexicon. */
const MIN_APPEAL_LENGTH = 60;

function isAppealParagraph(line: string): boolean {
  if (line.length < MIN_APPEAL_LENGTH) return false;
  if (!APPEAL_HINT.test(line)) return false;
  const hits = line.match(APPEAL_CUES);
  return hits !== null && new Set(hits.map((h) => h.toLowerCase())).size >= 2;
}

/** Removes boilerplate nodes; images are kept. Runs in one pass plus a bounded look-ahead for appeal blocks. */
export function removeBoilerplate(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  let lastStamp: number | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind !== 'text') {
      out.push(node);
      continue;
    }
    const line = node.text;
    if (APPEAL_START.test(line)) {
      let end = -1;
      for (let j = i; j < Math.min(nodes.length, i + 14); j++) {
        const n = nodes[j];
        if (n.kind === 'text' && APPEAL_END.test(n.text)) {
          end = j;
          break;
        }
      }
      if (end >= 0) i = end;
      continue;
    }
    if (TAIL_MARKERS.test(line)) {
      if (lastStamp === undefined) lastStamp = lastStampIndex(nodes);
      if (lastStamp < i) break;
      continue;
    }
    if (isChrome(line) || isAppealParagraph(line)) continue;
    out.push(node);
  }
  return out;
}

function lastStampIndex(nodes: DocNode[]): number {
  for (let j = nodes.length - 1; j >= 0; j--) {
    const n = nodes[j];
    if (n.kind === 'text' && parseStamp(n.text)) return j;
  }
  return -1;
}

/** Phrases that must never survive into event text (used by tests and as a final guard). */
export const BOILERPLATE_PHRASES: readonly string[] = [
  'Your support helps us to tell the story',
  'Your support makes all the difference',
  'Your donation allows us',
  'Join our commenting forum',
  'Join thought-provoking conversations',
  'Get all your news in one place',
  'Start reading',
  'Read more',
  'Support Now',
  'Stay up to date with notifications',
  'open image in gallery',
  'Sign up to read this article',
  'Already a member',
  'Download the app',
  'Thank you for registering',
  'Please refresh',
  '![',
  '(AFP/Getty)',
  '(Jeff Moore/PA)',
];
