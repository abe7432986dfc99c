// Turns the command services into the briefing core's dependencies (event store, story, clock).
import type { BriefingDeps } from '../../briefings/deps.ts';
import type { Story } from '../../briefings/story-access.ts';
import type { CommandServices } from '../command-types.ts';

/** The story the services serve: `services.story`, else the first of `services.stories`. */
export function storyOf(services: CommandServices): Story {
  const direct = services.story as Story | undefined;
  if (direct) return direct;
  const many = services.stories as Story[] | ReadonlyMap<string, Story> | undefined;
  const first = Array.isArray(many) ? many[0] : many instanceof Map ? [...many.values()][0] : undefined;
  if (first) return first;
  throw new Error('no story configured: pass services.story (see loadStories in src/app/stories.ts)');
}

export function briefingDeps(services: CommandServices): BriefingDeps {
  const timezone = typeof services.timezone === 'string' ? services.timezone : undefined;
  return { events: services.events, story: storyOf(services), clock: services.clock, timezone };
}
