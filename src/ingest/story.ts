// Story definitions as data: the zod schema, validation with BAD_STORY errors, and pure alias/topic lookups.
import { z } from 'zod';
import { fail, ok, type Result } from '../errors.ts';
import type { Entity } from '../store/types.ts';

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "keir-starmer"');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** A role someone holds ("the prime minister"), optionally only between two dates. */
export const RoleSchema = z.union([
  z.string().min(1),
  z.object({ title: z.string().min(1), from: IsoDate.optional(), to: IsoDate.optional() }).strict(),
]);
export type Role = z.infer<typeof RoleSchema>;

/** A person, organisation or place the story knows, with the names it goes by. */
export const StoryEntitySchema = z
  .object({
    id: Slug,
    name: z.string().min(1),
    type: z.enum(['person', 'org', 'place', 'other']),
    aliases: z.array(z.string().min(1)).default([]),
    /** Descriptions that stand for this entity as a speaker ("the prime minister"). */
    roles: z.array(RoleSchema).default([]),
  })
  .strict();
export type StoryEntity = z.infer<typeof StoryEntitySchema>;

/** A weighted phrase; a bare string has weight 1. A trailing `*` matches any ending ("peacekeep*"). */
export const TermSchema = z.union([
  z.string().min(1),
  z.object({ term: z.string().min(1), weight: z.number().positive().default(1) }).strict(),
]);
export type Term = z.infer<typeof TermSchema>;

export const TopicSchema = z
  .object({
    id: Slug,
    label: z.string().min(1),
    description: z.string().optional(),
    /** Threads inside the coverage that are not the story (a digest leaves them out). */
    offStory: z.boolean().default(false),
    keywords: z.array(TermSchema).default([]),
    /** Entity ids whose mention counts towards the topic. */
    entities: z
      .array(z.union([Slug, z.object({ id: Slug, weight: z.number().positive().default(1) }).strict()]))
      .default([]),
    /** Score an event needs to get the topic. */
    threshold: z.number().positive().default(2),
    /** Multiplier for matches in the headline. */
    headlineWeight: z.number().positive().default(2),
  })
  .strict();
export type Topic = z.infer<typeof TopicSchema>;

/** A story: what it is about, which sources belong to it, its topics and its known entities. */
export const StorySchema = z
  .object({
    id: Slug,
    title: z.string().min(1),
    description: z.string().default(''),
    /** Source file names, URL prefixes, or globs with `*` that belong to this story. */
    sources: z.array(z.string().min(1)).default([]),
    topics: z.array(TopicSchema).default([]),
    entities: z.array(StoryEntitySchema).default([]),
  })
  .strict()
  .superRefine((story, ctx) => {
    const seen = new Map<string, number>();
    story.entities.forEach((e, i) => {
      if (seen.has(e.id))
        ctx.addIssue({ code: 'custom', path: ['entities', i, 'id'], message: `duplicate id "${e.id}"` });
      seen.set(e.id, i);
    });
    const topicIds = new Set<string>();
    story.topics.forEach((t, i) => {
      if (topicIds.has(t.id))
        ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate id "${t.id}"` });
      topicIds.add(t.id);
      t.entities.forEach((ref, j) => {
        const id = typeof ref === 'string' ? ref : ref.id;
        if (!seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['topics', i, 'entities', j],
            message: `unknown entity id "${id}"`,
          });
      });
    });
  });
/** A validated story definition (data/stories/<id>.json). */
export type Story = z.infer<typeof StorySchema>;

/** Validates a story definition; errors name the offending field by its path. */
export function parseStory(input: unknown, origin = 'story'): Result<Story> {
  const parsed = StorySchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  return fail('BAD_STORY', `${origin}: invalid story definition — ${issues.join('; ')}`);
}

/** Lower-case, accent-free, single-spaced form used for every name comparison. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The title of a role, whether written as a string or an object. */
export function roleTitle(role: Role): string {
  return typeof role === 'string' ? role : role.title;
}

/** Whether a role applies on a given date (YYYY-MM-DD or ISO timestamp); undated roles always apply. */
export function roleApplies(role: Role, when: string | null): boolean {
  if (typeof role === 'string' || !when) return true;
  const day = when.slice(0, 10);
  return (!role.from || day >= role.from) && (!role.to || day <= role.to);
}

export function toEntity(e: StoryEntity): Entity {
  return { id: e.id, name: e.name, type: e.type };
}

function namesOf(e: StoryEntity): string[] {
  return [e.id.replace(/-/g, ' '), e.name, ...e.aliases, ...e.roles.map(roleTitle)];
}

/** Finds the entity a user means ("witkoff", "Sir Keir", "nato"): id, name, alias or role, case-insensitive. */
export function resolveEntity(story: Story, text: string): Entity | null {
  const asTyped = normaliseName(text);
  const wanted = normaliseName(text.replace(/^(mr|mrs|ms|dr|sir)\.?\s+/i, ''));
  if (!wanted) return null;
  for (const e of story.entities) if (e.id === text.trim().toLowerCase()) return toEntity(e);
  for (const target of [asTyped, wanted])
    for (const e of story.entities)
      if (namesOf(e).some((n) => normaliseName(n) === target)) return toEntity(e);
  // A unique surname / last word match ("zelensky" for "Volodymyr Zelensky").
  const byLastWord = story.entities.filter((e) => normaliseName(e.name).split(' ').at(-1) === wanted);
  return byLastWord.length === 1 ? toEntity(byLastWord[0]) : null;
}

/** Finds the topic a user means by id or label, case-insensitive ("Security guarantees", "security-guarantees"). */
export function resolveTopic(story: Story, text: string): Topic | null {
  const wanted = normaliseName(text.replace(/[-_]/g, ' '));
  if (!wanted) return null;
  return (
    story.topics.find(
      (t) => normaliseName(t.id.replace(/-/g, ' ')) === wanted || normaliseName(t.label) === wanted,
    ) ?? null
  );
}

/** "Did you mean …" candidates for an entity or topic name, closest first (at most five). */
export function suggest(story: Story, text: string, kind: 'entity' | 'topic'): string[] {
  const wanted = normaliseName(text);
  if (!wanted) return [];
  const candidates: Array<{ label: string; names: string[] }> =
    kind === 'entity'
      ? story.entities.map((e) => ({ label: e.name, names: namesOf(e) }))
      : story.topics.map((t) => ({ label: t.id, names: [t.id.replace(/-/g, ' '), t.label] }));
  const scored = candidates
    .map((c) => ({
      label: c.label,
      score: Math.min(...c.names.map((n) => nameDistance(wanted, normaliseName(n)))),
    }))
    .filter((c) => c.score <= 0.4)
    .sort((a, b) => a.score - b.score || a.label.localeCompare(b.label));
  return [...new Set(scored.map((c) => c.label))].slice(0, 5);
}

/** 0 = same, 1 = unrelated: prefix and containment count as close, else normalised edit distance. */
function nameDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (b.startsWith(a) || b.split(' ').some((w) => w.startsWith(a) && a.length >= 3)) return 0.1;
  const words = b.split(' ');
  const best = Math.min(
    levenshtein(a, b) / Math.max(a.length, b.length),
    ...words.map((w) => levenshtein(a, w) / Math.max(a.length, w.length)),
  );
  return best;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Whether a source (file name or URL) belongs to the story: exact name, URL prefix, or `*` glob. */
export function storyHasSource(story: Story, source: string): boolean {
  const base = source.split(/[\\/]/).at(-1) ?? source;
  return story.sources.some((pattern) => {
    if (pattern.includes('*')) {
      const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
      return re.test(source) || re.test(base);
    }
    return (
      pattern === source || pattern === base || (/^https?:\/\//.test(pattern) && source.startsWith(pattern))
    );
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
