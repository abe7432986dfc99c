// Entity mentions: the story's known people, organisations and places, plus capitalised names it does not know.

import type { Entity, Event } from '../../store/types.ts';
import type { Story, StoryEntity } from '../story.ts';
import { toEntity } from '../story.ts';
import { type CompiledStory, compileStory } from './compiled-story.ts';
import { type Token, tokenize } from './tokens.ts';

/** One mention of a known entity: token range and character offsets in the text searched. */
export interface Mention {
  entity: StoryEntity;
  from: number;
  to: number;
  start: number;
  end: number;
  possessive: boolean;
}

export function findMentions(compiled: CompiledStory, tokens: Token[]): Mention[] {
  return compiled.entities.find(tokens).map((m) => ({
    entity: m.value,
    from: m.from,
    to: m.to,
    start: tokens[m.from].start,
    end: tokens[m.to - 1].end,
    possessive: tokens[m.to - 1].possessive,
  }));
}

/** Canonical entities of mentions grouped by text, in order of first mention. */
export function mentionedEntities(groups: Mention[][]): Entity[] {
  const seen = new Map<string, Entity>();
  for (const mentions of groups) {
    for (const m of mentions) {
      if (!seen.has(m.entity.id)) seen.set(m.entity.id, toEntity(m.entity));
    }
  }
  return [...seen.values()];
}

// Capitalised words that start sentences or name calendar things, never entities on their own.
const NOT_NAMES = new Set(
  (
    'a an the and but or nor so yet if in on at by for from of to with as after before since while when where ' +
    'what who why how which this that these those it its he she they we you i his her their our my your there here ' +
    'also meanwhile however although though still earlier later today tonight yesterday tomorrow now then thus ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december watch analysis comment opinion breaking pictured read more live latest ' +
    'update updates key points sign join please thank download top related our picks already one two three four five ' +
    'speaking according asked ahead despite during amid against under over about into across'
  ).split(' '),
);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady']);
const TITLE_WORDS = new Set(
  (
    'president prime minister chancellor secretary general foreign defence defense state envoy special ' +
    'spokesman spokeswoman spokesperson leader king queen prince princess pope senator governor mayor ' +
    'commissioner ambassador admiral colonel captain sergeant lieutenant vice deputy chief editor historian ' +
    'political world affairs'
  ).split(' '),
);
const CONNECTORS = new Set(['von', 'van', 'der', 'de', 'da', 'del', 'la', 'le', 'bin', 'al', 'of', 'the']);
const ORG_WORDS =
  /\b(?:Department|Ministry|Council|Agency|Commission|Committee|Party|Group|Office|Bank|Fund|Forces|Army|Navy|Service|Union|Institute|University|Company|Corporation|Times|News|Post|Programme|Conference|Assembly|Parliament)\b/;

const PLACE_WORDS =
  /\b(?:East|West|North|South|Sea|Ocean|Gulf|River|Island|Islands|Region|Oblast|Province|City|Street|Square|Palace|Bay|Mountains?)\b/;

/** A capitalised name found in the text that the story does not know. */
export interface UnknownName {
  name: string;
  type: 'person' | 'org' | 'other';
  /** Token range [from, to) of the name. */
  from: number;
  to: number;
}

/** Capitalised name sequences in already-tokenized text that no known alias covers ("Tammy Bruce", "Mr Scott"). */
export function unknownNameRuns(text: string, tokens: Token[], mentions: Mention[]): UnknownName[] {
  const known = new Set<number>();
  for (const m of mentions) for (let i = m.from; i < m.to; i++) known.add(i);
  const out: UnknownName[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap || known.has(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < tokens.length &&
      !known.has(j) &&
      !tokens[j - 1].possessive &&
      /^\s+$/.test(text.slice(tokens[j - 1].end, tokens[j].start)) &&
      (tokens[j].cap || (CONNECTORS.has(tokens[j].lower) && tokens[j + 1]?.cap))
    )
      j++;
    const start = i;
    i = j;
    let from = start;
    let to = j;
    const honorific = HONORIFICS.has(tokens[from].lower);
    while (
      from < to &&
      (HONORIFICS.has(tokens[from].lower) ||
        TITLE_WORDS.has(tokens[from].lower) ||
        NOT_NAMES.has(tokens[from].lower))
    )
      from++;
    while (to > from && CONNECTORS.has(tokens[to - 1].lower)) to--;
    if (to <= from) continue;
    const words = tokens.slice(from, to);
    if (words.every((w) => /^[\p{Lu}\p{N}.]+$/u.test(w.text))) continue; // acronyms and credits (AP, AFP)
    if (words.length === 1 && !honorific) continue;
    const name = text.slice(words[0].start, words[words.length - 1].end);
    const type = ORG_WORDS.test(name)
      ? 'org'
      : !honorific && PLACE_WORDS.test(name)
        ? 'other'
        : honorific || words.length <= 3
          ? 'person'
          : 'other';
    out.push({ name, type, from, to });
  }
  return out;
}

/** Capitalised names in a text that the story's aliases do not cover. */
export function findUnknownNames(compiled: CompiledStory, text: string): UnknownName[] {
  const tokens = tokenize(text);
  return unknownNameRuns(text, tokens, findMentions(compiled, tokens));
}

/** A name the story does not know yet, with where it occurs. */
export interface UnknownEntity {
  name: string;
  type: 'person' | 'org' | 'other';
  count: number;
  events: string[];
}

/**
 * Names in the events (headline + text) that the story's aliases do not cover, most frequent first.
 * A story maintainer adds the useful ones to data/stories/<id>.json.
 */
export function unknownEntities(events: Event[], story: Story, opts: { min?: number } = {}): UnknownEntity[] {
  const compiled = compileStory(story);
  const found = new Map<string, UnknownEntity>();
  for (const event of events) {
    for (const text of [event.headline, ...event.paragraphs]) {
      for (const u of findUnknownNames(compiled, text)) {
        const key = u.name.toLowerCase();
        const entry = found.get(key) ?? { name: u.name, type: u.type, count: 0, events: [] };
        entry.count++;
        if (!entry.events.includes(event.id)) entry.events.push(event.id);
        found.set(key, entry);
      }
    }
  }
  return [...found.values()]
    .filter((u) => u.count >= (opts.min ?? 1))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
