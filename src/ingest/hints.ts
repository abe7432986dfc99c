// Tags entries by kind from general cues: breaking, watch/video, pictures, analysis, opinion, housekeeping, link-only.
import type { EventHint, EventList } from '../store/types.ts';
import { isProse } from './text-lines.ts';

const BREAKING = /^(?:breaking(?: news)?|just in|urgent|flash)\b/i;
const WATCH =
  /^(?:watch(?: live| again)?|video|listen|live stream|livestream)\b\s*[:|–—-]|\b(?:video|footage) (?:shows?|captures?)\b|^watch\b/i;
const PICTURES = /^(?:in pictures|pictures|photos|pictured|in photos|gallery|photo gallery|images)\b/i;
const ANALYSIS = /^(?:analysis|explainer|explained|fact check|the big picture)\b\s*[:|–—-]/i;
const OPINION = /^(?:opinion|comment|view|editorial|column|voices|letters?)\b\s*[:|–—-]/i;
const HOUSEKEEPING =
  /\b(?:(?:expected|due|set|scheduled|about|poised) (?:shortly|soon|to (?:begin|start|get under way|get underway) (?:shortly|soon|any minute))|(?:begins?|starts?|starting|beginning) (?:shortly|soon|any minute)|(?:welcome to|follow) (?:our|the|today[’']s)? ?live|live (?:coverage|updates|blog) (?:has|have|is|are) (?:ended|paused|closed)|(?:this|our) (?:live )?(?:blog|coverage) (?:is|has) (?:now )?(?:closed|paused|ended|ending)|that[’']?s all (?:for|from)|signing off|(?:pausing|ending|wrapping up|closing) (?:our|this|the) (?:live )?(?:coverage|blog)|stay tuned|more to follow|what to expect today|(?:we[’']?ll|we will) (?:bring you|be bringing you|keep you updated))\b/i;
const FULL_REPORT =
  /[:–—-]\s*(?:the )?full (?:report|story|article|interview)$|\bread (?:the )?full (?:story|article|report)\b/i;

export interface HintInput {
  headline: string;
  paragraphs: string[];
  lists: EventList[];
  imageCount: number;
}

/** Hints for an entry; in a fixed order so output is deterministic. */
export function detectHints(input: HintInput): EventHint[] {
  const { headline, paragraphs, lists, imageCount } = input;
  const hints: EventHint[] = [];
  const hasProse = paragraphs.some((p) => isProse(p) && !p.endsWith(':'));
  if (BREAKING.test(headline)) hints.push('breaking');
  if (ANALYSIS.test(headline)) hints.push('analysis');
  if (OPINION.test(headline)) hints.push('opinion');
  const watch = WATCH.test(headline);
  if (watch) hints.push('watch');
  const pictures = PICTURES.test(headline) || (!hasProse && lists.length === 0 && imageCount > 0 && !watch);
  if (pictures) hints.push('pictures');
  if (HOUSEKEEPING.test(headline)) hints.push('housekeeping');
  const bodyIsOnlyLinks = !hasProse && lists.length === 0 && !watch && !pictures;
  if (bodyIsOnlyLinks || FULL_REPORT.test(headline)) hints.push('link-only');
  return hints;
}
