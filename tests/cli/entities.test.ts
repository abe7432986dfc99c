// `storybrief entities --unknown [--json]` over enriched seed events held by a fake store.
import { describe, expect, it } from 'vitest';
import type { CliContext, OpenedStore } from '../../src/cli/context.ts';
import { runProgram } from '../../src/cli/program.ts';
import { enrichDocument } from '../../src/ingest/enrich/index.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { bundledStory, parsedSeed } from '../ingest/enrich/seeds.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const doc = enrichDocument(parsedSeed('001'), await bundledStory());
  let out = '';
  let err = '';
  const events = {
    exportAll: async () => ({ articles: [doc.article], events: doc.events }),
  } as unknown as EventStore;
  const store: OpenedStore = { db: undefined as never, events, close: async () => {} };
  const ctx: CliContext = {
    out: (t) => {
      out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith('\n') ? t : `${t}\n`;
    },
    store: async () => store,
    globals: () => ({}),
    cwd: process.cwd(),
    env: {},
  };
  const code = await runProgram(args, ctx, [() => import('../../src/cli/entities.ts')]);
  return { code, out, err };
}

describe('storybrief entities', () => {
  it('GIVEN --unknown --json THEN names the story does not know are printed as JSON with counts', async () => {
    const { code, out } = await run(['entities', '--unknown', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<{ story: string; name: string; count: number }>;
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Alex Croft', 'Bryony Gooch']));
    expect(rows.map((r) => r.name)).not.toContain('Keith Kellogg');
    expect(rows.every((r) => r.story === 'ukraine-russia' && r.count >= 1)).toBe(true);
  });

  it('GIVEN no flag THEN known entities are counted per event, most mentioned first', async () => {
    const { code, out } = await run(['entities']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^\s*\d+\s+place\s+ukraine/);
    expect(out).toMatch(/person keith-kellogg/);
  });

  it('GIVEN a bad --min THEN it fails with a clear message', async () => {
    const { code, err } = await run(['entities', '--min', 'zero']);
    expect(code).not.toBe(0);
    expect(err).toMatch(/--min must be a whole number/);
  });
});
