// `storybrief entities [--unknown] [--json]`: entity mention counts, or names the story definitions do not know yet.
import type { Command } from 'commander';
import { loadStories, storyForSource } from '../app/stories.ts';
import { UserError } from '../errors.ts';
import { type UnknownEntity, unknownEntities } from '../ingest/enrich/index.ts';
import type { Story } from '../ingest/story.ts';
import type { Event } from '../store/types.ts';
import type { CliContext } from './context.ts';

interface EntitiesOptions {
  unknown?: boolean;
  json?: boolean;
  story?: string;
  stories?: string;
  min?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('entities')
    .description(
      'count the entities mentioned in stored events; --unknown lists capitalised names no story knows',
    )
    .option(
      '--unknown',
      'list names the story definitions do not cover yet (candidates for data/stories/*.json)',
    )
    .option('--json', 'print JSON instead of a table')
    .option('--story <id>', 'only events of this story')
    .option('--stories <dir>', 'directory of story definitions (default data/stories)')
    .option('--min <n>', 'only names seen at least n times', '1')
    .action(async (opts: EntitiesOptions) => {
      const min = Number(opts.min ?? '1');
      if (!Number.isInteger(min) || min < 1)
        throw new UserError('BAD_OPTION', `--min must be a whole number ≥ 1, got "${opts.min}"`);
      const stories = await loadStories(opts.stories ? resolvePath(ctx.cwd, opts.stories) : undefined);
      if (opts.story && !stories.some((s) => s.id === opts.story)) {
        throw new UserError(
          'BAD_OPTION',
          `unknown story "${opts.story}"; stories: ${stories.map((s) => s.id).join(', ')}`,
        );
      }
      const store = await ctx.store();
      const { articles, events } = await store.events.exportAll();
      const sourceOf = new Map(articles.map((a) => [a.id, { source: a.source, storyId: a.storyId }]));
      const groups = new Map<Story, Event[]>();
      for (const event of events) {
        const article = sourceOf.get(event.articleId);
        const story =
          stories.find((s) => s.id === article?.storyId) ??
          storyForSource(stories, article?.source ?? event.source);
        if (!story || (opts.story && story.id !== opts.story)) continue;
        groups.set(story, [...(groups.get(story) ?? []), event]);
      }
      if (opts.unknown) {
        const rows = [...groups].flatMap(([story, evs]) =>
          unknownEntities(evs, story, { min }).map((u) => ({ story: story.id, ...u })),
        );
        if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
        else
          ctx.out(
            rows.length
              ? formatUnknown(rows)
              : 'No unknown names: the story definitions cover every name found.',
          );
        return;
      }
      const rows = [...groups].flatMap(([story, evs]) =>
        knownCounts(story, evs).filter((r) => r.count >= min),
      );
      if (opts.json) ctx.out(JSON.stringify(rows, null, 2));
      else
        ctx.out(
          rows.length
            ? rows
                .map((r) => `${String(r.count).padStart(5)}  ${r.type.padEnd(6)} ${r.id}  (${r.name})`)
                .join('\n')
            : 'No entities found.',
        );
    });
}

function resolvePath(cwd: string, p: string): string {
  return p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`;
}

/** How many events mention each known entity, most mentioned first. */
function knownCounts(
  story: Story,
  events: Event[],
): Array<{ story: string; id: string; name: string; type: string; count: number }> {
  const counts = new Map<string, { story: string; id: string; name: string; type: string; count: number }>();
  for (const e of events) {
    for (const ent of e.entities) {
      const row = counts.get(ent.id) ?? {
        story: story.id,
        id: ent.id,
        name: ent.name,
        type: ent.type,
        count: 0,
      };
      row.count++;
      counts.set(ent.id, row);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

function formatUnknown(rows: Array<UnknownEntity & { story: string }>): string {
  return rows
    .map((r) => `${String(r.count).padStart(5)}  ${r.type.padEnd(6)} ${r.name}  [${r.story}]`)
    .join('\n');
}
