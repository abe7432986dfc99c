// Who is speaking: finds the attribution verb around a quote and resolves its subject to a story entity.
import { normaliseName, roleApplies } from '../story.ts';
import type { CompiledStory } from './compiled-story.ts';
import { findMentions, unknownNameRuns } from './entities.ts';
import { tokenize } from './tokens.ts';

/** A resolved speaker: canonical name and id when known, else the words as written and a null id. */
export interface Speaker {
  speaker: string;
  speakerId: string | null;
  /** A person (known or an unknown proper name), not an anonymous phrase. */
  person: boolean;
}

/** What a subject phrase turned out to be. */
export type Subject =
  | { kind: 'speaker'; value: Speaker }
  | { kind: 'pronoun'; word: string }
  | { kind: 'none' };

const VERB_WORDS =
  'said|says|say|told|tells|added|adds|wrote|writes|warned|warns|insisted|insists|explained|explains|stated|' +
  'declared|declares|announced|announces|posted|argued|argues|claimed|noted|stressed|asked|asks|replied|replies|' +
  'responded|responds|continued|suggested|suggests|pledged|promised|vowed|urged|urges|admitted|admits|' +
  'acknowledged|recalled|remarked|concluded|confirmed|confirms|tweeted|cautioned|cautions|hailed|hails|' +
  'insisted|predicted|predicts|reiterated|reiterates|revealed|reveals|conceded|concedes|told';
/** A speech verb (optionally after an auxiliary) as a whole word. */
export const SPEECH_VERB = new RegExp(`\\b(?:${VERB_WORDS})\\b|\\bread(?=\\s*:)`, 'giu');
const VERB_AT_END = new RegExp(`(?:\\b(?:${VERB_WORDS})\\b|\\bread)\\s*[,:]?\\s*$`, 'iu');

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we']);
const LEADING_FILLER = new Set(
  'and but so then also later earlier however meanwhile now still yet while though although in response'.split(
    ' ',
  ),
);
const TRAILING_FILLER = new Set(
  'has have had is was were are will would could may might also later then previously earlier has just now once again reportedly today yesterday on monday tuesday wednesday thursday friday saturday sunday separately further'.split(
    ' ',
  ),
);
const SUBORDINATORS = new Set(
  'after before since when whenever while if unless because although though once until as whether that'.split(
    ' ',
  ),
);
const ANONYMOUS =
  /\b(?:officials?|sources?|diplomats?|aides?|agents?|analysts?|experts?|insiders?|persons?|people|officers?|members?|residents?|witnesses?|someone|soldiers?|fighters?|voters?|observers?)\b/i;
const NEGATED_ROLE = new Set([
  'former',
  'ex',
  'then',
  'late',
  'deputy',
  'shadow',
  'vice',
  'acting',
  'future',
  'next',
]);

/** Whether text ends with a speech verb ("Mr Kushner added:", "He said,"). */
export function endsWithSpeechVerb(text: string): boolean {
  return VERB_AT_END.test(text);
}

/**
 * The subject of the clause that ends just before a speech verb. With an appositive ("Jared Kushner, Mr Trump's
 * son-in-law, said"; "Sir Keir, who …, warned") the insertion is skipped unless it is itself the name
 * ("Mr Trump's envoy, Keith Kellogg, said"). Returns null when the verb has no subject of its own
 * ("…, but added"), so the caller moves to an earlier verb.
 */
export function subjectBefore(text: string): { segment: string; subordinate: boolean } | null {
  const parts = text.split(/\s*(?:,|–|—|\(|\)|;|:| - )\s*/);
  const appositive = /[,–—)]\s*$/.test(text) && parts.length > 2;
  if (parts.length && parts[parts.length - 1].trim() === '') parts.pop();
  for (let k = parts.length - 1; k >= 0; k--) {
    const words = parts[k].trim().split(/\s+/).filter(Boolean);
    while (words.length && TRAILING_FILLER.has(words[words.length - 1].toLowerCase())) words.pop();
    while (words.length && LEADING_FILLER.has(words[0].toLowerCase())) words.shift();
    if (words.length === 0) return null; // a coordinated verb: "…, but added"
    const segment = words.join(' ');
    const first = words[0].toLowerCase();
    const inserted = appositive && k === parts.length - 1 && k > 0;
    if (
      inserted &&
      (/^(?:who|which|whose|whom|where|from|in|at|of|on|for|with)$/.test(first) || isDescriptor(words))
    )
      continue;
    SPEECH_VERB.lastIndex = 0;
    if (SPEECH_VERB.test(segment)) return null; // a clause of its own, not a subject
    const subordinate = words.slice(0, -1).some((w) => SUBORDINATORS.has(w.toLowerCase()));
    return { segment, subordinate };
  }
  return null;
}

/** A descriptive phrase rather than a name: "his father-in-law", "Mr Trump's son-in-law and adviser". */
function isDescriptor(words: string[]): boolean {
  if (/^\p{Lu}/u.test(words[words.length - 1]) && !/['’]s$/.test(words[words.length - 1])) return false;
  return true;
}

/** The noun phrase right after an inverted verb: `said Sir Keir Starmer`, `said the draft statement`. */
export function subjectAfterVerb(text: string): string {
  const m = /^\s*([^,.;:!?–—()]+)/.exec(text);
  if (!m) return '';
  const words = m[1].trim().split(/\s+/);
  const stop = words.findIndex(
    (w, i) =>
      i > 0 &&
      /^(?:in|on|at|to|after|before|while|during|as|when|from|speaking|adding|who|that|with|of)$/i.test(w) &&
      !/^\p{Lu}/u.test(words[i + 1] ?? ''),
  );
  return (stop > 0 ? words.slice(0, stop) : words).slice(0, 8).join(' ');
}

/** Resolves a subject phrase: a known entity, a role holder, an unknown proper name, a pronoun, or as written. */
export function resolveSubject(compiled: CompiledStory, phrase: string, when: string | null): Subject {
  const text = phrase.trim();
  const tokens = tokenize(text);
  if (tokens.length === 0) return { kind: 'none' };
  const lastWord = tokens[tokens.length - 1].lower;
  if (PRONOUNS.has(lastWord) && (tokens.length === 1 || /,\s*\S+$/.test(text)))
    return { kind: 'pronoun', word: lastWord };
  if (tokens.length === 1 && PRONOUNS.has(tokens[0].lower)) return { kind: 'pronoun', word: tokens[0].lower };

  const allMentions = findMentions(compiled, tokens);
  const mentions = allMentions.filter((m) => !m.possessive);
  const unknown = unknownNameRuns(text, tokens, allMentions).filter(
    (u) => u.type === 'person' && !tokens[u.to - 1].possessive,
  );
  const lastPerson = [...mentions].reverse().find((m) => m.entity.type === 'person');
  const lastUnknown = unknown.at(-1);
  if (lastUnknown && (!lastPerson || lastUnknown.from > lastPerson.from)) {
    return { kind: 'speaker', value: { speaker: lastUnknown.name, speakerId: null, person: true } };
  }
  if (lastPerson) {
    const e = lastPerson.entity;
    return { kind: 'speaker', value: { speaker: e.name, speakerId: e.id, person: true } };
  }
  const role = roleHolder(
    compiled,
    tokens.map((t) => t.lower),
    when,
  );
  if (role) return { kind: 'speaker', value: role };
  const asWritten = { speaker: text, speakerId: null, person: false };
  if (ANONYMOUS.test(text)) return { kind: 'speaker', value: asWritten };
  const lastOrg = [...mentions].reverse().find((m) => m.entity.type === 'org' || m.entity.type === 'other');
  if (lastOrg)
    return {
      kind: 'speaker',
      value: { speaker: lastOrg.entity.name, speakerId: lastOrg.entity.id, person: false },
    };
  const last = mentions.at(-1);
  if (
    last &&
    last.entity.type === 'place' &&
    last.to === tokens.length &&
    (last.from === 0 || (last.from === 1 && tokens[0].lower === 'the'))
  ) {
    return {
      kind: 'speaker',
      value: { speaker: last.entity.name, speakerId: last.entity.id, person: false },
    };
  }
  if (
    looksLikeNounPhrase(
      tokens.map((t) => t.lower),
      tokens[0].cap,
    )
  )
    return { kind: 'speaker', value: asWritten };
  return { kind: 'none' };
}

/** The one entity whose role title ends the phrase ("the prime minister"), valid at `when`. */
function roleHolder(compiled: CompiledStory, words: string[], when: string | null): Speaker | null {
  // A suffix longer than the longest role title cannot be one (normalising never joins words).
  for (let k = Math.max(0, words.length - compiled.roleWords); k < words.length; k++) {
    const holders = compiled.roles.get(normaliseName(words.slice(k).join(' ')));
    if (!holders) continue;
    if (k > 0 && NEGATED_ROLE.has(words[k - 1])) return null;
    // Anything before the role other than a determiner qualifies it ("Sweden's prime minister" is someone else).
    if (words.slice(0, k).some((w) => !/^(?:the|a|and|but)$/.test(w))) return null;
    const valid = [
      ...new Map(
        holders.filter((h) => roleApplies(h.role, when)).map((h) => [h.entity.id, h.entity]),
      ).values(),
    ];
    if (valid.length !== 1) return null;
    return { speaker: valid[0].name, speakerId: valid[0].id, person: valid[0].type === 'person' };
  }
  return null;
}

const DETERMINERS = new Set(
  'a an the one two three some several many his her their its another this that these those'.split(' '),
);
const VERBISH = new Set(
  'is are was were be been being has have had will would can could may might do does did not'.split(' '),
);

/** A short noun phrase such as "an official", "Sweden's prime minister", "European leaders". */
function looksLikeNounPhrase(words: string[], capitalised: boolean): boolean {
  if (words.length > 6) return false;
  if (!capitalised && !DETERMINERS.has(words[0])) return false;
  return !words.some((w) => VERBISH.has(w));
}
