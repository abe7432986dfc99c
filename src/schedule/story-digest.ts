// Adapts the briefing core's digest builder to the scheduler's DigestBuilder port (no coverage -> null).
import type { BriefingDeps } from '../briefings/deps.ts';
import { buildDigest } from '../briefings/digest.ts';
import { isUserError } from '../errors.ts';
import type { DigestBuilder } from './scheduler-deps.ts';

/** A DigestBuilder over the story's event store: the window's digest, or the latest day's when window is null. */
export function createStoryDigestBuilder(deps: BriefingDeps): DigestBuilder {
  return async (window, topics, timezone) => {
    const zoned = timezone ? { ...deps, timezone } : deps;
    try {
      return await buildDigest(
        window
          ? { from: window.from.toISOString(), to: window.to.toISOString(), topics }
          : { topics: topics.length ? topics : undefined },
        zoned,
      );
    } catch (err) {
      if (isUserError(err) && err.code === 'NOTHING_FOUND') return null;
      throw err;
    }
  };
}
