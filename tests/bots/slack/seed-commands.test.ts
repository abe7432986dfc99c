// GIVEN the five seed texts in a store and the real command catalogue THEN every /news answer is valid Slack.
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandServices } from '../../../src/bots/command-types.ts';
import { startSlackApp } from '../../../src/bots/slack/app.ts';
import { defaultSlackCatalogue } from '../../../src/bots/slack/catalogue.ts';
import {
  handleSlashCommand,
  type PostMessage,
  type SlackResponse,
  type SlashCommandResult,
} from '../../../src/bots/slack/slash-command.ts';
import { fixedClock } from '../../../src/clock.ts';
import { openSeedStore, type SeedStore } from '../../briefings/seed-store.ts';
import { createFakeSlackApi } from '../../fakes/slack-api.ts';
import { slackMessageProblems } from './payload-checks.ts';
import { postSigned, slashCommandForm } from './signed-request.ts';

let seeds: SeedStore;
let services: CommandServices;

beforeAll(async () => {
  seeds = await openSeedStore();
  services = { events: seeds.events, story: seeds.story, clock: fixedClock('2026-01-07T12:00:00Z') };
}, 120_000);

afterAll(async () => {
  await seeds?.close();
});

interface Captured {
  result: SlashCommandResult;
  responses: SlackResponse[];
  posts: Array<Parameters<PostMessage>[0]>;
}

async function run(text: string): Promise<Captured> {
  const responses: SlackResponse[] = [];
  const posts: Captured['posts'] = [];
  let ts = 0;
  const result = await handleSlashCommand(
    { command: '/news', text, team_id: 'T1', channel_id: 'C1', user_id: 'U1', response_url: 'unused' },
    {
      catalogue: defaultSlackCatalogue,
      services,
      respond: async (m) => {
        responses.push(m);
      },
      postMessage: async (m) => {
        posts.push(m);
        return { ts: `1.${++ts}` };
      },
    },
  );
  return { result, responses, posts };
}

function problemsOf(c: Captured): string[] {
  return [
    ...c.posts.flatMap((p, i) => slackMessageProblems(p, `post[${i}]`)),
    ...c.responses.flatMap((r, i) => slackMessageProblems(r, `response[${i}]`)),
  ];
}

describe('/news on the seeds', () => {
  it('brief: posts the key points in the channel, each bullet linked to its source entry', async () => {
    const c = await run('brief');
    expect(c.result).toMatchObject({ ok: true, command: 'brief' });
    expect(problemsOf(c)).toEqual([]);
    expect(c.posts.length).toBeGreaterThanOrEqual(1);
    expect(c.posts[0].channel).toBe('C1');
    const json = JSON.stringify(c.posts[0].blocks);
    expect(c.posts[0].blocks[0].type).toBe('header');
    expect(json).toMatch(/• /);
    // Every bullet is followed by its source line: article title, local time stamp, author.
    const bullets = c.posts[0].blocks.filter((b) => b.type === 'section' && b.text?.text.startsWith('• '));
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    for (const bullet of bullets) {
      const next = c.posts[0].blocks[c.posts[0].blocks.indexOf(bullet) + 1];
      expect(next.type).toBe('context');
      expect(JSON.stringify(next)).toMatch(
        /Ukraine.*<!date\^\d+\^\{date_short\} \{time\}\|\d+ Jan 2026 \d\d:\d\d GMT>/,
      );
    }
    expect(c.posts[0].text).toMatch(/GMT/);
  });

  const lines = [
    'brief generated',
    'brief date:2025-02-12',
    'lists',
    'lists promises',
    'timeline',
    'timeline limit:100',
    'quotes Witkoff',
    'quotes Zelensky',
    'topic territory',
    'search Greenland',
    'search "security guarantees"',
    'digest',
    'sources',
  ];
  for (const line of lines) {
    it(`${line}: answers within Slack's limits`, async () => {
      const c = await run(line);
      expect(problemsOf(c)).toEqual([]);
      expect(c.posts.length + c.responses.length).toBeGreaterThan(0);
      if (c.result.ok) expect(c.posts.length).toBe(c.result.messages);
      else expect(c.responses[0].response_type).toBe('ephemeral');
    });
  }

  it('help: answers only the invoker', async () => {
    const c = await run('help');
    expect(c.result).toMatchObject({ ok: true, delivery: 'ephemeral' });
    expect(c.posts).toEqual([]);
    expect(c.responses.every((r) => r.response_type === 'ephemeral')).toBe(true);
    expect(problemsOf(c)).toEqual([]);
    expect(JSON.stringify(c.responses)).toContain('quotes');
  });

  const bad = [
    '',
    'frobnicate',
    'brief date:2026-13-45',
    'brief limit:9999',
    'quotes',
    'search',
    'quotes <!channel> <@U123>',
    'search <!here> & <https://evil.example|x>',
    `search ${'a'.repeat(5000)}`,
    'topic "unclosed quote',
    '\u0000\u0001 brief',
    'timeline from:yesterday to:tomorrow',
  ];
  for (const line of bad) {
    it(`never crashes and stays escaped on ${JSON.stringify(line.slice(0, 40))}`, async () => {
      const c = await run(line);
      expect(c.result.delivery).not.toBe('failed');
      expect(problemsOf(c)).toEqual([]);
      const json = JSON.stringify([...c.posts, ...c.responses]);
      expect(json).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
    });
  }

  it('over HTTP with the real catalogue: signed /news quotes Witkoff reaches the fake Slack API', async () => {
    const fake = await createFakeSlackApi({ token: 'xoxb-seed' });
    const app = await startSlackApp(
      { botToken: 'xoxb-seed', signingSecret: 's3cret', port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl },
      services,
      { logLevel: LogLevel.ERROR },
    );
    try {
      const url = `http://127.0.0.1:${app.port}/slack/events`;
      const res = await postSigned(
        url,
        slashCommandForm({ text: 'quotes Witkoff', response_url: fake.responseUrl() }),
        {
          secret: 's3cret',
        },
      );
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      const post = await fake.waitFor((c) => c.method === 'chat.postMessage', 10_000);
      expect(post.status).toBe(200);
      expect(JSON.stringify(post.body.blocks)).toContain('Witkoff');
      expect(
        slackMessageProblems({ text: String(post.body.text), blocks: post.body.blocks as never }),
      ).toEqual([]);
    } finally {
      await app.stop();
      await fake.close();
    }
  });
});
