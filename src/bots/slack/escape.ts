// Slack text safety: escape & < > in source text, build links and local-time stamps only from checked values.
import { URL_MAX } from './limits.ts';

/** Escapes Slack's control characters so that source text can never become a mention, a link or a command. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Returns a URL safe to place inside `<url|label>`, or null when it is not an absolute http(s) URL. */
export function safeSlackUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // URL.href percent-encodes spaces, < and >; | would end the URL part of a Slack link, & must be an entity.
  const href = url.href.replace(/\|/g, '%7C').replace(/&/g, '&amp;');
  return href.length <= URL_MAX ? href : null;
}

/**
 * A mrkdwn link to url labelled with (already escaped) label; just the label when the URL is unusable.
 * A `|` inside a label would be read as a separator, so it is shown as the look-alike `∣`.
 */
export function slackLink(url: string | null | undefined, escapedLabel: string): string {
  const safe = safeSlackUrl(url);
  return safe ? `<${safe}|${escapedLabel.replace(/\|/g, '∣')}>` : escapedLabel;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One formatter per zone (building an Intl.DateTimeFormat costs far more than formatting with it); null: unknown zone. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter !== undefined) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
  } catch {
    formatter = null;
  }
  if (formatters.size < 500) formatters.set(zone, formatter);
  return formatter;
}

function formatIn(at: Date, zone: string): string | null {
  const formatter = formatterFor(zone);
  if (!formatter) return null;
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/**
 * "6 Jan 2026 18:37 GMT" for an ISO instant in the given IANA zone (UTC when none or unknown);
 * null when the instant does not parse.
 */
export function formatTime(iso: string | null | undefined, zone?: string | null): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  if (zone && zone !== 'UTC') {
    const local = formatIn(at, zone);
    if (local) return local;
  }
  const hh = String(at.getUTCHours()).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/**
 * A time stamp Slack shows in each reader's own time zone (`<!date^unix^format|fallback>`, the fallback in
 * `zone`), or just the text in `zone` when localTimes is off; null when the instant does not parse.
 */
export function slackTime(
  iso: string | null | undefined,
  localTimes = true,
  zone?: string | null,
): string | null {
  const text = formatTime(iso, zone);
  if (!text || !iso) return null;
  if (!localTimes) return text;
  const unix = Math.floor(new Date(iso).getTime() / 1000);
  return `<!date^${unix}^{date_short} {time}|${text}>`;
}

/** Shortens text to at most max characters (counted after escaping), marking the cut with "…". */
export function shortenEscaped(text: string, max: number): string {
  const escaped = escapeSlackText(text);
  if (escaped.length <= max) return escaped;
  let cut = max - 1;
  // Never cut inside an entity (&amp; &lt; &gt;) or between the halves of a surrogate pair.
  const amp = escaped.lastIndexOf('&', cut - 1);
  if (amp >= 0 && escaped.indexOf(';', amp) >= cut) cut = amp;
  const code = escaped.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${escaped.slice(0, cut)}…`;
}

/** Length of one character once escaped. */
const escapedWidth = (ch: string): number => (ch === '&' ? 5 : ch === '<' || ch === '>' ? 4 : ch.length);

/**
 * Splits raw text into pieces whose escaped length is at most max, preferring to break at whitespace,
 * never inside a character or an escape entity. Nothing is dropped except the whitespace at a break.
 */
export function splitForSlack(text: string, max: number): string[] {
  if (max < 8) throw new Error(`splitForSlack: max ${max} too small`);
  // Most texts fit: skip the character walk.
  if (text.length * 5 <= max || escapeSlackText(text).length <= max) {
    const trimmed = text.trim();
    return trimmed ? [trimmed] : [];
  }
  const chars = Array.from(text);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let len = 0;
    let end = start;
    let lastSpace = -1;
    while (end < chars.length) {
      const w = escapedWidth(chars[end]);
      if (len + w > max) break;
      if (/\s/.test(chars[end])) lastSpace = end;
      len += w;
      end++;
    }
    const cut = end >= chars.length || lastSpace <= start + (end - start) / 2 ? end : lastSpace;
    const piece = chars.slice(start, cut).join('').trim();
    if (piece) pieces.push(piece);
    start = cut;
    while (start < chars.length && /\s/.test(chars[start])) start++;
  }
  return pieces;
}
