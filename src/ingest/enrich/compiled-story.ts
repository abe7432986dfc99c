// Compiles a story once (alias trie, role table, topic-term trie) and caches it per story object.
import { normaliseName, type Role, roleTitle, type Story, type StoryEntity, type Topic } from '../story.ts';
import {
  type CaseMode,
  createPhraseMatcher,
  type PhraseEntry,
  type PhraseMatcher,
} from './phrase-matcher.ts';
import { stem, tokenize } from './tokens.ts';

export interface TopicHit {
  topic: number;
  weight: number;
}

export interface CompiledStory {
  story: Story;
  byId: Map<string, StoryEntity>;
  entities: PhraseMatcher<StoryEntity>;
  /** Normalised role title → the entities that hold it (with the dates they hold it). */
  roles: Map<string, Array<{ entity: StoryEntity; role: Role }>>;
  /** Words in the longest normalised role title. */
  roleWords: number;
  terms: PhraseMatcher<TopicHit[]>;
  /** Per topic: entity id → weight. */
  topicEntities: Array<Map<string, number>>;
  topics: Topic[];
}

const cache = new WeakMap<Story, CompiledStory>();

/** The compiled form of a story; built on first use and reused for every event. */
export function compileStory(story: Story): CompiledStory {
  let compiled = cache.get(story);
  if (!compiled) {
    compiled = build(story);
    cache.set(story, compiled);
  }
  return compiled;
}

function caseModeOf(words: string[]): CaseMode {
  if (
    words.some(
      (w) => w.replace(/\./g, '').length <= 5 && /^[\p{Lu}.]+$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w),
    )
  )
    return 'exact';
  if (words.every((w) => !/\p{Lu}/u.test(w))) return 'any';
  return 'capitalised';
}

function build(story: Story): CompiledStory {
  const byId = new Map(story.entities.map((e) => [e.id, e]));
  // Surnames become aliases unless two people share one.
  const surnameOwners = new Map<string, StoryEntity[]>();
  for (const e of story.entities) {
    if (e.type !== 'person') continue;
    const words = e.name.split(/\s+/);
    if (words.length < 2) continue;
    const surname = normaliseName(words[words.length - 1]);
    surnameOwners.set(surname, [...(surnameOwners.get(surname) ?? []), e]);
  }
  const entries: PhraseEntry<StoryEntity>[] = [];
  const seen = new Set<string>();
  const add = (e: StoryEntity, alias: string) => {
    const toks = tokenize(alias);
    if (toks.length === 0) return;
    const keys = toks.map((t) => t.lower);
    const sig = `${e.id}|${keys.join(' ')}|${toks.map((t) => t.text).join(' ')}`;
    if (seen.has(sig)) return;
    seen.add(sig);
    entries.push({
      value: e,
      keys,
      words: toks.map((t) => t.text),
      caseMode: caseModeOf(toks.map((t) => t.text)),
    });
  };
  for (const e of story.entities) {
    add(e, e.name);
    for (const a of e.aliases) add(e, a);
    if (e.type === 'person') {
      const words = e.name.split(/\s+/);
      const surname = words[words.length - 1];
      if (words.length >= 2 && surnameOwners.get(normaliseName(surname))?.length === 1) add(e, surname);
    }
  }
  // Explicit aliases win over derived surnames when both claim the same words.
  entries.sort((a, b) => Number(isDerived(a)) - Number(isDerived(b)));

  const roles = new Map<string, Array<{ entity: StoryEntity; role: Role }>>();
  for (const e of story.entities) {
    for (const role of e.roles) {
      const key = normaliseName(roleTitle(role));
      roles.set(key, [...(roles.get(key) ?? []), { entity: e, role }]);
    }
  }

  const termMap = new Map<string, { entry: Omit<PhraseEntry<TopicHit[]>, 'value'>; hits: TopicHit[] }>();
  story.topics.forEach((topic, ti) => {
    for (const term of topic.keywords) {
      const text = typeof term === 'string' ? term : term.term;
      const weight = typeof term === 'string' ? 1 : term.weight;
      const prefix = text.trim().endsWith('*');
      const toks = tokenize(text.replace(/\*\s*$/, ''));
      if (toks.length === 0) continue;
      const keys = toks.map((t, i) => (prefix && i === toks.length - 1 ? stem(t.lower) : stem(t.lower)));
      const sig = `${prefix ? 'p' : 'w'}|${keys.join(' ')}`;
      const slot = termMap.get(sig) ?? {
        entry: { keys, words: toks.map((t) => t.text), caseMode: 'any' as const, prefix },
        hits: [],
      };
      const existing = slot.hits.find((h) => h.topic === ti);
      if (existing) existing.weight = Math.max(existing.weight, weight);
      else slot.hits.push({ topic: ti, weight });
      termMap.set(sig, slot);
    }
  });
  const terms = createPhraseMatcher<TopicHit[]>(
    [...termMap.values()].map((s) => ({ ...s.entry, value: s.hits })),
  );
  const topicEntities = story.topics.map(
    (t) => new Map(t.entities.map((ref) => (typeof ref === 'string' ? [ref, 1] : [ref.id, ref.weight]))),
  );

  return {
    story,
    byId,
    entities: createPhraseMatcher(entries),
    roles,
    roleWords: Math.max(0, ...[...roles.keys()].map((k) => k.split(' ').length)),
    terms,
    topicEntities,
    topics: story.topics,
  };
}

function isDerived(entry: PhraseEntry<StoryEntity>): boolean {
  const e = entry.value;
  const spelled = [e.name, ...e.aliases].map(normaliseName);
  return !spelled.includes(normaliseName(entry.words.join(' ')));
}
