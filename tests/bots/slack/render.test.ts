// GIVEN briefings from tiny to adversarial THEN every Slack payload is within limits, escaped, and complete.
import { describe, expect, it } from 'vitest';
import { escapeSlackText, safeSlackUrl, splitForSlack } from '../../../src/bots/slack/escape.ts';
import { MESSAGE_BLOCKS_MAX } from '../../../src/bots/slack/limits.ts';
import { renderSlackMessages } from '../../../src/bots/slack/render.ts';
import type { Briefing, BriefingItem } from '../../../src/briefings/briefing.ts';
import { slackMessageProblems, visibleTextWithoutSpace } from './payload-checks.ts';

const HOSTILE = [
  '<!channel> everyone look',
  '<!here|here> and <!everyone>',
  'ping <@U123> and <@W999|bob> in <#C0GENERAL>',
  'Tom & Jerry <3 > 2 && x < y',
  '<https://evil.example/phish|click here for the official statement>',
  '*bold* _italic_ ~strike~ `code` ```block``` > quoted line',
  '&lt;!channel&gt; already-escaped looking text &amp;',
  'emoji 🇺🇦 and combining é and 𝒳 astral',
];

function hostileItem(i: number): BriefingItem {
  return {
    text: `${HOSTILE[i % HOSTILE.length]} — item ${i}`,
    detail: i % 3 === 0 ? `Said by <@U${i}> & friends` : undefined,
    citation: {
      eventId: `ev-${i}`,
      articleTitle: i % 5 === 0 ? '<!channel> Live: Ukraine & Russia | talks >>' : 'Ukraine war live',
      url:
        i % 7 === 0
          ? 'javascript:alert(1)'
          : i % 11 === 0
            ? 'https://example.com/a|b>c?x=1&y=<2>'
            : `https://example.com/live#p${i}`,
      time: i % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 6, 8, 39) + i * 60_000).toISOString(),
      author: i % 2 === 0 ? 'Reporter <@U42>' : null,
    },
  };
}

function adversarial(): Briefing {
  const huge = `“${'The minister said the talks would continue & that <!channel> was wrong. '.repeat(900)}”`;
  const noSpaces = '🇺🇦'.repeat(4000) + 'x'.repeat(9000);
  return {
    kind: 'digest',
    title: `<!channel> ${'Very long title with & and <@U1> '.repeat(12)}`,
    subtitle: `Subtitle <!here> ${'s'.repeat(2500)}`,
    window: { from: '2026-01-06T08:39:00Z', to: '2026-01-07T02:54:00Z' },
    late: true,
    sections: [
      { heading: 'Key Points <!channel>', items: Array.from({ length: 300 }, (_, i) => hostileItem(i)) },
      {
        heading: 'Quotes',
        items: [
          { text: huge, detail: 'Speaker <@U9>', citation: hostileItem(1).citation },
          { text: noSpaces, citation: null },
        ],
      },
      { heading: 'Empty section', items: [] },
      { heading: `${'Long heading & stuff '.repeat(200)}`, items: [hostileItem(5)] },
    ],
    sources: Array.from({ length: 400 }, (_, i) => `Source ${i} <!channel> & co`),
  };
}

function small(): Briefing {
  return {
    kind: 'key-points',
    title: 'Key Points',
    subtitle: 'Tuesday 6 January 2026',
    window: { from: '2026-01-06T08:39:00Z', to: '2026-01-07T02:54:00Z' },
    sections: [{ heading: 'Key Points', items: Array.from({ length: 5 }, (_, i) => hostileItem(i)) }],
    sources: ['Ukraine war live'],
  };
}

function expectAllWithinLimits(messages: ReturnType<typeof renderSlackMessages>) {
  const problems = messages.flatMap((m, i) => slackMessageProblems(m, `message[${i}]`));
  expect(problems.slice(0, 10)).toEqual([]);
}

describe('escaping', () => {
  it('turns every control character of source text into an entity', () => {
    expect(escapeSlackText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });
  it('accepts only http(s) URLs and makes them safe inside a link', () => {
    expect(safeSlackUrl('javascript:alert(1)')).toBeNull();
    expect(safeSlackUrl('not a url')).toBeNull();
    expect(safeSlackUrl('https://e.com/a|b>c?x=1&y=2')).toBe('https://e.com/a%7Cb%3Ec?x=1&amp;y=2');
  });
  it('splits without losing characters or cutting an entity or a surrogate pair', () => {
    const text = `${'&'.repeat(50)} ${'🇺🇦'.repeat(30)}`;
    const pieces = splitForSlack(text, 40);
    for (const p of pieces) expect(escapeSlackText(p).length).toBeLessThanOrEqual(40);
    expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(pieces.join('')).not.toContain('\uFFFD');
  });
});

describe('renderSlackMessages', () => {
  it('renders a small briefing as one message: header, context with the window, linked bullets, context lines', () => {
    const [message, ...rest] = renderSlackMessages(small());
    expect(rest).toEqual([]);
    expectAllWithinLimits([message]);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Key Points' } });
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('Coverage: <!date^1767688740^');
    expect(json).toContain('<https://example.com/live#p1|Ukraine war live>');
    expect(message.blocks.filter((b) => b.type === 'context').length).toBeGreaterThanOrEqual(5);
    expect(message.blocks.some((b) => b.type === 'divider')).toBe(true);
    expect(message.text).toContain('Key Points');
    expect(message.text).toContain('&lt;!channel&gt;');
  });

  it('never lets article text become a mention or a link', () => {
    for (const layout of ['rich', 'compact'] as const) {
      const messages = renderSlackMessages(small(), { layout });
      const json = JSON.stringify(messages);
      expect(json).not.toMatch(/<!channel>|<!here|<!everyone>|<@U|<@W|<#C0GENERAL>/);
      expect(json).not.toContain('<https://evil.example');
      expect(json).not.toContain('javascript:');
      expectAllWithinLimits(messages);
    }
  });

  it('splits an oversized, hostile briefing into messages that are each within every limit', () => {
    const briefing = adversarial();
    for (const layout of ['auto', 'rich', 'compact'] as const) {
      const messages = renderSlackMessages(briefing, { layout });
      expect(messages.length).toBeGreaterThan(1);
      expectAllWithinLimits(messages);
      for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
    }
  });

  it('cuts nothing silently: every item, detail, heading and the full title reach some message', () => {
    const briefing = adversarial();
    for (const layout of ['rich', 'compact'] as const) {
      const visible = visibleTextWithoutSpace(renderSlackMessages(briefing, { layout }));
      // Long headings and titles are split into several bold pieces: compare without the * markers too.
      const bare = visible.replace(/\*/g, '');
      const has = (s: string) =>
        visible.includes(s.replace(/\s+/g, '')) || bare.includes(s.replace(/[\s*]+/g, ''));
      expect(has(briefing.title), 'title').toBe(true);
      briefing.sections.forEach((section, i) => {
        expect(has(section.heading), `${layout} heading ${i}`).toBe(true);
        section.items.forEach((item, j) => {
          expect(has(item.text), `${layout} item ${i}.${j}`).toBe(true);
          if (item.detail) expect(has(item.detail), `${layout} detail ${i}.${j}`).toBe(true);
        });
      });
    }
  });

  it('keeps items in order across parts and says which part each message is', () => {
    const messages = renderSlackMessages(adversarial(), { layout: 'compact' });
    const n = messages.length;
    messages.forEach((m, i) => {
      if (n > 1) expect(m.text).toContain(`(part ${i + 1} of ${n})`);
      const last = JSON.stringify(m.blocks.at(-1));
      if (i < n - 1) expect(last).toContain(`Continued in the thread (part ${i + 1} of ${n})`);
    });
    const visible = visibleTextWithoutSpace(messages);
    let at = 0;
    for (let i = 0; i < 300; i++) {
      const next = visible.indexOf(`—item${i}`, at);
      expect(next, `item ${i} in order`).toBeGreaterThan(at - 1);
      at = next;
    }
  });

  it('says so when a briefing has nothing in it', () => {
    const [m] = renderSlackMessages({ kind: 'search', title: 'Search: zebra', subtitle: '', sections: [] });
    expectAllWithinLimits([m]);
    expect(JSON.stringify(m.blocks)).toContain('Nothing to show');
  });

  it('shows UTC text instead of <!date> when local times are off', () => {
    const [m] = renderSlackMessages(small(), { localTimes: false });
    const json = JSON.stringify(m.blocks);
    expect(json).not.toContain('<!date');
    expect(json).toContain('6 Jan 2026 08:40 UTC');
  });
});
