// GIVEN followed sources in a store THEN `/news feeds` lists them with their state, hiding query strings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/bots/command-types.ts';
import { feedsCommand, withFeedsSection } from '../../src/bots/commands/sources-feed.ts';
import { fixedClock } from '../../src/clock.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import { createSourceStore } from '../../src/store/source-store.ts';
import type { Database } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';

describe('/news feeds', () => {
  let db: Database;
  let ctx: CommandContext;
  beforeAll(async () => {
    db = await createPgliteDatabase('memory://');
    await migrate(db);
    const sources = createSourceStore(db);
    const at = new Date('2026-03-10T08:00:00Z');
    await sources.add(
      { url: 'https://news.example/live?token=secret', storyId: null, intervalMs: 300_000, timezone: null },
      at,
    );
    const { source } = await sources.add(
      { url: 'https://feeds.example/world.atom', storyId: null, intervalMs: 600_000, timezone: null },
      at,
    );
    await sources.recordFailure(source.id, {
      at,
      error: 'HTTP 503',
      nextFetchAt: at,
      pausedReason: 'paused after 48 h of failed fetches; last: HTTP 503',
    });
    ctx = {
      services: { events: createSqlEventStore(db), clock: fixedClock(at), sources },
      invoker: { platform: 'console', workspace: 'w', channel: 'c', user: 'u', canManageChannel: true },
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('lists each source with interval and state; the paused one says why; no query string leaks', async () => {
    const b = await feedsCommand.run({}, ctx);
    expect(b.sections[0].items.map((i) => i.text)).toEqual([
      'https://feeds.example/world.atom',
      'https://news.example/live',
    ]);
    expect(b.sections[0].items[1].detail).toContain('every 5m');
    expect(b.sections[0].items[0].detail).toContain(
      'paused: paused after 48 h of failed fetches; last: HTTP 503',
    );
    expect(JSON.stringify(b)).not.toContain('secret');
  });

  it('adds a Feeds section to another briefing, and says so plainly when no store is wired', async () => {
    const base = { kind: 'sources' as const, title: 'Sources', subtitle: '', sections: [] };
    expect((await withFeedsSection(base, ctx.services)).sections.map((s) => s.heading)).toEqual(['Feeds']);
    const bare = { ...ctx, services: { events: ctx.services.events, clock: ctx.services.clock } };
    expect(await withFeedsSection(base, bare.services)).toEqual(base);
    expect((await feedsCommand.run({}, bare)).subtitle).toContain('does not follow feeds');
  });
});
