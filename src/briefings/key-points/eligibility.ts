// Which events may become a key point: skips media, housekeeping, link-only entries and repeats.
import type { Event, EventHint } from '../../store/types.ts';

const SKIPPED_HINTS: ReadonlySet<EventHint> = new Set(['watch', 'pictures', 'housekeeping', 'link-only']);

/** Headlines that announce media or housekeeping rather than news. */
const SKIPPED_HEADLINE = [
  /^\s*(watch|video|listen|audio|live|pictured|in pictures|photos?|gallery)\s*[:|–—-]/iu,
  /^\s*in pictures\b/iu,
  /\b(press conference|statement|briefing|speech)\s+(is\s+)?(expected|due)\s+(shortly|soon|imminently)\b/iu,
  /^\s*(welcome to|good (morning|afternoon|evening)|that'?s (all|it) (for|from)|we('| a)re (pausing|closing|ending)|this blog is (now )?closed)/iu,
  /^\s*(catch up|recap|read more|more on this|related|sign up|follow (our|us|the))\b/iu,
];

/** True when the headline announces media or housekeeping ("Watch:", "In pictures", "Press conference expected shortly"). */
export function isSkippedHeadline(headline: string): boolean {
  return SKIPPED_HEADLINE.some((re) => re.test(headline));
}

/** True when the event may stand as a key point on its own. */
export function isEligible(event: Event): boolean {
  if (event.duplicateOf) return false;
  if (event.hints.some((h) => SKIPPED_HINTS.has(h))) return false;
  if (event.headline && isSkippedHeadline(event.headline)) return false;
  return event.headline.trim().length > 0 || event.paragraphs.some((p) => p.trim().length > 0);
}
