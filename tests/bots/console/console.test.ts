// GIVEN `/news …` lines on a stream THEN the console adapter prints rendered briefings (or errors) and ends with the input.
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandServices } from '../../../src/bots/command-types.ts';
import { startConsoleAdapter } from '../../../src/bots/console/index.ts';
import { fixedClock } from '../../../src/clock.ts';
import { openSeedStore, type SeedStore } from '../../briefings/seed-store.ts';

let seed: SeedStore;
let services: CommandServices;

beforeAll(async () => {
  seed = await openSeedStore(['002', '003']);
  services = { events: seed.events, clock: fixedClock('2026-01-08T09:00:00Z'), stories: [seed.story] };
});
afterAll(async () => {
  await seed?.close();
});

async function session(lines: string[], interactive = false): Promise<string> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  await startConsoleAdapter({
    input: Readable.from([`${lines.join('\n')}\n`]),
    output,
    services,
    interactive,
  });
  return chunks.join('');
}

describe('console adapter', () => {
  it('GIVEN piped commands THEN each briefing printed in order with citation lines, then it resolves', async () => {
    const out = await session(['/news brief date:2026-01-06', '', '# a comment', '/news lists promises']);
    const article = (await seed.events.articles()).find((a) => a.editorKeyPoints.length > 0)!;
    const brief = out.indexOf('# Key Points — Tuesday 6 January 2026');
    const lists = out.indexOf('# Lists matching “promises”');
    expect(brief).toBeGreaterThanOrEqual(0);
    expect(lists).toBeGreaterThan(brief);
    for (const point of article.editorKeyPoints) expect(out).toContain(point);
    expect(out).toContain(`“${article.title}”`);
    expect(out).not.toContain('news> ');
  });

  it('GIVEN mistakes THEN one error line each, and the session goes on', async () => {
    const out = await session([
      '/news breif',
      '/news quotes Witkofx',
      '/news brief date:someday',
      '/news sources',
    ]);
    const errors = out.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('brief');
    expect(errors[1]).toMatch(/did you mean .*Witkoff/i);
    expect(errors[2]).toContain('2026-01-06');
    expect(out).toContain('# Sources');
  });

  it('GIVEN an interactive session THEN a prompt per line, and exit stops reading', async () => {
    const out = await session(['/news help', 'exit', '/news sources'], true);
    expect(out.match(/news> /g)?.length).toBe(2);
    expect(out).toContain('# /news — briefings on the story');
    expect(out).not.toContain('# Sources');
  });
});
