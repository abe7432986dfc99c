// Direct quotations in an entry's paragraphs, each with its speaker resolved (or kept as written, never guessed).
import type { Quote } from '../../store/types.ts';
import type { CompiledStory } from './compiled-story.ts';
import { findMentions } from './entities.ts';
import { findQuoteSpans, maskQuotes, spanText, splitSentences } from './quote-spans.ts';
import {
  endsWithSpeechVerb,
  resolveSubject,
  SPEECH_VERB,
  type Speaker,
  type Subject,
  subjectAfterVerb,
  subjectBefore,
} from './speaker.ts';
import { tokenize } from './tokens.ts';

/** A quoted fragment inside a sentence needs at least this many words (and an attribution) to count. */
const MIN_FRAGMENT_WORDS = 5;
/** How many paragraphs back a speaker can be carried from. */
const CARRY_PARAGRAPHS = 3;
const UNKNOWN: Speaker = { speaker: '', speakerId: null, person: false };

interface SentenceInfo {
  para: number;
  quoteSpeakers: Speaker[];
  /** The masked sentence; its speech subject and first named person are looked up only when a carry needs them. */
  sentence: string;
  /** Undefined until evaluated (sentences are evaluated in order, so each sees only the ones before it). */
  speechSubject?: Speaker | null;
  firstPerson?: Speaker | null;
}

/** Extracts the quotations of one entry. `when` (ISO time or date) decides which role holders apply. */
export function extractQuotes(compiled: CompiledStory, paragraphs: string[], when: string | null): Quote[] {
  const quotes: Quote[] = [];
  const listed = new Set<Quote>();
  const history: SentenceInfo[] = [];
  let pending: Quote | null = null;
  // history[0, evaluated) have their speech subject settled.
  let evaluated = 0;

  // Indices of the sentences before `before` in the last CARRY_PARAGRAPHS paragraphs, newest first: a walk back
  // (history is in paragraph order), so a long article never rescans everything before.
  const recent = function* (para: number, before: number): Generator<number> {
    for (let k = before - 1; k >= 0 && para - history[k].para < CARRY_PARAGRAPHS; k--) yield k;
  };
  const firstPersonOf = (h: SentenceInfo): Speaker | null => {
    if (h.firstPerson === undefined) h.firstPerson = firstPersonIn(compiled, h.sentence);
    return h.firstPerson;
  };
  /** The speech subject of history[k], settling the pending sentences up to it in order (no recursion). */
  const subjectOf = (k: number): Speaker | null => {
    for (; evaluated <= k; evaluated++) {
      const h = history[evaluated];
      const subject = sentenceSubject(compiled, h.sentence, when);
      h.speechSubject = subject ? settle(subject, h, evaluated) : null;
    }
    return history[k].speechSubject ?? null;
  };
  const carryPerson = (info: SentenceInfo, before: number): Speaker | null => {
    if (info.quoteSpeakers.length) return info.quoteSpeakers.at(-1)!;
    for (const k of recent(info.para, before)) {
      const h = history[k];
      const found = h.quoteSpeakers.at(-1) ?? subjectOf(k) ?? firstPersonOf(h);
      if (found) return found;
    }
    return null;
  };
  const carryQuote = (info: SentenceInfo): Speaker | null => {
    if (info.quoteSpeakers.length) return info.quoteSpeakers.at(-1)!;
    for (const k of recent(info.para, history.length)) {
      const found = history[k].quoteSpeakers.at(-1) ?? subjectOf(k);
      if (found) return found;
    }
    return null;
  };
  /** A subject as a speaker; a pronoun takes the speaker carried from the sentences before index `before`. */
  const settle = (subject: Subject, info: SentenceInfo, before: number): Speaker | null => {
    if (subject.kind === 'speaker') return subject.value;
    if (subject.kind === 'pronoun') return carryPerson(info, before) ?? { ...UNKNOWN, speaker: subject.word };
    return null;
  };

  paragraphs.forEach((text, p) => {
    const continuing = pending;
    pending = null;
    const spans = findQuoteSpans(text);
    const masked = maskQuotes(text, spans);
    const firstChar = text.search(/\S/);
    // Sentences and spans are both in text order: one pointer walks the spans once per paragraph.
    let next = 0;
    for (const [s, e] of splitSentences(text, spans)) {
      const info: SentenceInfo = { para: p, quoteSpeakers: [], sentence: '' };
      while (next < spans.length && spans[next].open < s) next++;
      for (; next < spans.length && spans[next].open < e; next++) {
        const span = spans[next];
        const inner = spanText(text, span);
        if (!inner) continue;
        const words = inner.split(/\s+/).length;
        if (continuing && span.open === firstChar && !span.single && listed.has(continuing)) {
          continuing.text += `\n\n${inner}`;
          info.quoteSpeakers.push(speakerOf(continuing));
          if (span.unclosed) pending = continuing;
          continue;
        }
        const before = masked.slice(s, span.open);
        const after = span.unclosed ? '' : masked.slice(span.close + 1, e);
        const leading = before.trim() === '' || /:\s*$/.test(before) || endsWithSpeechVerb(before);
        const attribution = attribute(compiled, before, after, when);
        const accepted = span.single
          ? words >= MIN_FRAGMENT_WORDS &&
            (leading || attribution !== null) &&
            (!span.unclosed || span.open === firstChar)
          : leading
            ? words >= 2 || attribution !== null
            : words >= MIN_FRAGMENT_WORDS && attribution !== null;
        if (!accepted) continue;
        const speaker =
          (attribution && settle(attribution, info, history.length)) ??
          (leading ? carryQuote(info) : null) ??
          UNKNOWN;
        const quote: Quote = { speaker: speaker.speaker, speakerId: speaker.speakerId, text: inner };
        quotes.push(quote);
        listed.add(quote);
        info.quoteSpeakers.push(speaker);
        if (span.unclosed && (leading || words >= MIN_FRAGMENT_WORDS)) pending = quote;
      }
      info.sentence = masked.slice(s, e);
      history.push(info);
    }
  });
  return quotes;
}

function speakerOf(q: Quote): Speaker {
  return { speaker: q.speaker, speakerId: q.speakerId, person: q.speakerId !== null };
}

const AFTER_STOP = /\b(?:and|but|after|before|while|because|which|who|that|when|if)\b|[;]/i;

/** The attribution of a quote from the words after it (", he said") or before it ("Mr Kushner added:"). */
function attribute(
  compiled: CompiledStory,
  before: string,
  after: string,
  when: string | null,
): Subject | null {
  const a = after.replace(/^[\s,.!?…]+/, '');
  const according = /^according to\s+/i.exec(a);
  if (according) {
    const subj = resolveSubject(compiled, subjectAfterVerb(a.slice(according[0].length)), when);
    if (subj.kind !== 'none') return subj;
  }
  SPEECH_VERB.lastIndex = 0;
  const m = SPEECH_VERB.exec(a);
  if (m) {
    const pre = a.slice(0, m.index).trim();
    if (pre === '') {
      const subj = resolveSubject(compiled, subjectAfterVerb(a.slice(m.index + m[0].length)), when);
      if (subj.kind !== 'none') return subj;
    } else if (pre.split(/\s+/).length <= 10 && !AFTER_STOP.test(pre) && !/[.!?]/.test(pre)) {
      const sb = subjectBefore(pre);
      const subj = sb ? resolveSubject(compiled, sb.segment, when) : ({ kind: 'none' } as const);
      if (subj.kind !== 'none') return subj;
    }
  }
  return subjectOfLastVerb(compiled, before, when);
}

/** The subject of the last speech verb in a text (walking back to earlier verbs when one has no subject). */
function subjectOfLastVerb(compiled: CompiledStory, text: string, when: string | null): Subject | null {
  SPEECH_VERB.lastIndex = 0; // matchAll starts where the shared global regex was left
  const verbs = [...text.matchAll(SPEECH_VERB)];
  for (let k = verbs.length - 1; k >= 0; k--) {
    const v = verbs[k];
    const sb = subjectBefore(text.slice(0, v.index));
    const subj = sb ? resolveSubject(compiled, sb.segment, when) : ({ kind: 'none' } as const);
    if (subj.kind !== 'none') return subj;
    const inverted = resolveSubject(compiled, subjectAfterVerb(text.slice(v.index + v[0].length)), when);
    if (!sb && inverted.kind === 'speaker' && inverted.value.person) return inverted;
  }
  return null;
}

/** The speaker of a sentence's main speech verb, if any ("…, his special envoy Steve Witkoff said."). */
function sentenceSubject(compiled: CompiledStory, sentence: string, when: string | null): Subject | null {
  SPEECH_VERB.lastIndex = 0; // matchAll starts where the shared global regex was left
  for (const v of sentence.matchAll(SPEECH_VERB)) {
    if (/^read$/i.test(v[0])) continue;
    const sb = subjectBefore(sentence.slice(0, v.index));
    if (sb?.subordinate) continue;
    if (sb) {
      const subj = resolveSubject(compiled, sb.segment, when);
      if (subj.kind !== 'none') return subj;
    } else {
      const subj = resolveSubject(compiled, subjectAfterVerb(sentence.slice(v.index + v[0].length)), when);
      if (subj.kind === 'speaker' && subj.value.person) return subj;
    }
  }
  return null;
}

function firstPersonIn(compiled: CompiledStory, sentence: string): Speaker | null {
  const m = findMentions(compiled, tokenize(sentence)).find(
    (x) => x.entity.type === 'person' && !x.possessive,
  );
  return m ? { speaker: m.entity.name, speakerId: m.entity.id, person: true } : null;
}
