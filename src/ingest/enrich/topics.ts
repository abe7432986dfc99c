// Topic assignment by the story's weighted keyword and entity rules; headline matches count more.
import type { Entity } from '../../store/types.ts';
import type { CompiledStory } from './compiled-story.ts';
import { stem, type Token } from './tokens.ts';

/** A topic's score for one event, with the evidence behind it. */
export interface TopicScore {
  id: string;
  score: number;
}

/** Scores every topic for an event from its tokenized headline and paragraphs; deterministic, in story order. */
export function scoreTopics(
  compiled: CompiledStory,
  headline: Token[],
  paragraphs: Token[][],
  entities: Entity[],
  headlineEntities: Set<string>,
): TopicScore[] {
  const scores = compiled.topics.map(() => 0);
  const stemKey = (t: { lower: string }) => stem(t.lower);
  // Headline: every matched term counts (weight × headlineWeight) once per term.
  const headlineSeen = new Set<string>();
  for (const m of compiled.terms.find(headline, stemKey)) {
    for (const hit of m.value) {
      const key = `${hit.topic}|${m.from}`;
      if (headlineSeen.has(key)) continue;
      headlineSeen.add(key);
      scores[hit.topic] += hit.weight * compiled.topics[hit.topic].headlineWeight;
    }
  }
  // Body: a term counts at most twice, so one repeated word cannot carry a topic alone.
  const bodyCounts = new Map<string, number>();
  for (const tokens of paragraphs) {
    for (const m of compiled.terms.find(tokens, stemKey)) {
      for (const hit of m.value) {
        const key = `${hit.topic}|${keyOf(m.value)}`;
        const n = bodyCounts.get(key) ?? 0;
        if (n < 2) scores[hit.topic] += hit.weight;
        bodyCounts.set(key, n + 1);
      }
    }
  }
  compiled.topicEntities.forEach((weights, ti) => {
    for (const e of entities) {
      const w = weights.get(e.id);
      if (w) scores[ti] += headlineEntities.has(e.id) ? w * compiled.topics[ti].headlineWeight : w;
    }
  });
  return compiled.topics.map((t, i) => ({ id: t.id, score: scores[i] }));
}

const ids = new WeakMap<object, number>();
let nextId = 0;
function keyOf(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return id;
}

/** Topic ids whose score reaches the topic's threshold, strongest first (ties in story order). */
export function assignTopics(compiled: CompiledStory, scores: TopicScore[]): string[] {
  const passed: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i].score >= compiled.topics[i].threshold) passed.push(i);
  if (passed.length > 1) passed.sort((a, b) => scores[b].score - scores[a].score || a - b);
  return passed.map((i) => scores[i].id);
}
