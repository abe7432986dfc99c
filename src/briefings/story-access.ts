// The briefing core's view of a story definition: topics (and which are off-story), speaker and topic lookups.
import { UserError } from '../errors.ts';
import { resolveEntity, resolveTopic, type Story, suggest } from '../ingest/story.ts';

export type { Story };

export function topicLabel(story: Story, id: string): string {
  return story.topics.find((t) => t.id === id)?.label ?? id;
}

export function isOffStoryTopic(story: Story, id: string): boolean {
  return story.topics.find((t) => t.id === id)?.offStory === true;
}

/** The topic id a user's text names (id or label, any case), or a UserError with "did you mean". */
export function requireTopic(story: Story, text: string): string {
  const hit = resolveTopic(story, text);
  if (hit) return hit.id;
  const close = suggest(story, text, 'topic');
  const hint = close.length
    ? ` Did you mean ${close.join(', ')}?`
    : ` Topics: ${story.topics.map((t) => t.id).join(', ')}.`;
  throw new UserError('UNKNOWN_TOPIC', `Unknown topic “${text}”.${hint}`);
}

/** The canonical speaker a user's text names (any alias or role), or null. */
export function resolveSpeaker(story: Story, text: string): { id: string; name: string } | null {
  const hit = resolveEntity(story, text);
  return hit ? { id: hit.id, name: hit.name } : null;
}

/** Known names close to the text, for "did you mean". */
export function speakerSuggestions(story: Story, text: string): string[] {
  return suggest(story, text, 'entity');
}

/** Topics with the words people may type for them (id, label), for autocomplete. */
export function storyTopicsForSuggest(story: Story): Array<{ id: string; label: string; words: string[] }> {
  return story.topics.map((t) => ({
    id: t.id,
    label: t.label,
    words: [t.id, t.id.replace(/-/g, ' '), t.label],
  }));
}
