// GIVEN handleSlashCommand with stub respond/postMessage THEN it answers right in every failure mode, never throwing.
import { describe, expect, it } from 'vitest';
import type { CommandServices } from '../../../src/bots/command-types.ts';
import {
  handleSlashCommand,
  type PostMessage,
  type SlackResponse,
  type SlashCommandDeps,
} from '../../../src/bots/slack/slash-command.ts';
import { fixedClock } from '../../../src/clock.ts';
import { UserError } from '../../../src/errors.ts';
import type { EventStore } from '../../../src/store/event-store.ts';
import { createTinyCatalogue } from './tiny-catalogue.ts';

const services: CommandServices = { events: {} as EventStore, clock: fixedClock('2026-01-07T08:00:00Z') };
const body = { command: '/news', team_id: 'T1', channel_id: 'C1', user_id: 'U1', response_url: 'x' };

function slackError(code: string) {
  return Object.assign(new Error(`An API error occurred: ${code}`), { data: { ok: false, error: code } });
}

function harness(post?: (n: number, m: Parameters<PostMessage>[0]) => Promise<{ ts?: string }>) {
  const responses: SlackResponse[] = [];
  const posts: Array<Parameters<PostMessage>[0]> = [];
  const deps: SlashCommandDeps = {
    catalogue: createTinyCatalogue(),
    services,
    respond: async (m) => {
      responses.push(m);
    },
    postMessage: post
      ? async (m) => {
          posts.push(m);
          return post(posts.length, m);
        }
      : undefined,
  };
  return { deps, responses, posts };
}

describe('handleSlashCommand', () => {
  it('GIVEN no bot client THEN a briefing goes in channel through response_url', async () => {
    const h = harness();
    const r = await handleSlashCommand({ ...body, text: 'brief' }, h.deps);
    expect(r).toMatchObject({ ok: true, delivery: 'response_url', messages: 1 });
    expect(h.responses[0].response_type).toBe('in_channel');
  });

  it('GIVEN a long briefing without a bot client THEN at most 5 replies, the last saying what is missing', async () => {
    const h = harness();
    const r = await handleSlashCommand({ ...body, text: 'big n:400' }, h.deps);
    expect(r.ok).toBe(true);
    expect(h.responses.length).toBe(5);
    expect(h.responses[4].response_type).toBe('in_channel');
    expect(h.responses[4].text).toMatch(/more parts? of this briefing could not be sent here/);
  });

  it('GIVEN the thread breaks midway THEN the invoker is told how many parts went out', async () => {
    const h = harness(async (n) => {
      if (n === 3) throw slackError('channel_not_found');
      return { ts: `1.${n}` };
    });
    const r = await handleSlashCommand({ ...body, text: 'big n:200' }, h.deps);
    expect(r).toMatchObject({ ok: false, code: 'channel_not_found', delivery: 'thread', messages: 2 });
    expect(h.posts[1].thread_ts).toBe('1.1');
    expect(h.responses.at(-1)?.response_type).toBe('ephemeral');
    expect(h.responses.at(-1)?.text).toMatch(/Posted 2 of \d+ parts/);
  });

  it('GIVEN an unexpected post failure THEN a generic ephemeral apology, no internals', async () => {
    const h = harness(async () => {
      throw slackError('internal_error');
    });
    const r = await handleSlashCommand({ ...body, text: 'brief' }, h.deps);
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL', delivery: 'ephemeral' });
    expect(h.responses[0].text).not.toContain('internal_error');
  });

  it('GIVEN a UserError thrown by the catalogue THEN its message is shown ephemerally', async () => {
    const h = harness();
    h.deps.catalogue = {
      ...h.deps.catalogue,
      runCommand: async () => {
        throw new UserError('NOTHING_FOUND', 'No quotes from “Nobody” <yet>.');
      },
    };
    const r = await handleSlashCommand({ ...body, text: 'brief' }, h.deps);
    expect(r).toMatchObject({ ok: false, code: 'NOTHING_FOUND' });
    expect(h.responses[0].text).toBe('No quotes from “Nobody” &lt;yet&gt;.');
  });

  it('GIVEN response_url itself fails THEN the handler still resolves (nothing crashes)', async () => {
    const h = harness();
    h.deps.respond = async () => {
      throw new Error('response_url expired');
    };
    const r = await handleSlashCommand({ ...body, text: 'nope' }, h.deps);
    expect(r).toMatchObject({ ok: false, delivery: 'failed' });
  });

  it('GIVEN a payload with missing or non-string fields THEN it answers rather than throwing', async () => {
    const h = harness();
    const r = await handleSlashCommand({ text: 42 as unknown as string }, h.deps);
    expect(r.delivery).not.toBe('failed');
    expect(h.responses.length).toBe(1);
  });

  it('asks whether the user may manage the channel only for commands that need it', async () => {
    const h = harness();
    const asked: string[] = [];
    h.deps.canManageChannel = async (user) => {
      asked.push(user);
      return true;
    };
    await handleSlashCommand({ ...body, text: 'brief' }, h.deps);
    expect(asked).toEqual([]);
    const r = await handleSlashCommand({ ...body, text: 'follow' }, h.deps);
    expect(asked).toEqual(['U1']);
    expect(r.ok).toBe(true);
  });
});
