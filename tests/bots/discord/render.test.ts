// GIVEN briefings from the seeds and adversarial ones THEN every Discord payload is within limits and inert.
import { describe, expect, it } from 'vitest';
import { messageLimitViolations } from '../../../src/bots/discord/limits.ts';
import { parsePageId, renderDiscordMessages } from '../../../src/bots/discord/render.ts';
import { adversarialBriefing, seedKeyPoints } from './briefing-samples.ts';

const descriptions = (messages: ReturnType<typeof renderDiscordMessages>) =>
  messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');

/** Removes markdown escapes and zero-width spaces, to compare rendered text with the source. */
const stripEscapes = (s: string) => s.replace(/\\(.)/g, '$1').replace(/\u200b/g, '');

describe('renderDiscordMessages', () => {
  it('GIVEN the seed key points THEN one embed with title, colour, linked bullets, footer and timestamp', () => {
    const briefing = seedKeyPoints();
    const messages = renderDiscordMessages(briefing);
    expect(messages).toHaveLength(1);
    const [embed] = messages[0].embeds;
    expect(embed.title).toBe('Key Points — 6 January 2026');
    expect(typeof embed.color).toBe('number');
    expect(embed.footer?.text).toContain('Coverage: 6 Jan 2026 00:00 – 7 Jan 2026 00:00 UTC');
    expect(embed.footer?.text).toContain('Sources: Ukraine-Russia war latest');
    expect(embed.timestamp).toBe('2026-01-06T13:15:00.000Z');
    expect(messages[0].allowed_mentions).toEqual({ parse: [] });
    const lines = (embed.description ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines).toHaveLength(5);
    // Items with a URL link their text; items without name the article. Times are Discord timestamps.
    expect(lines[0]).toMatch(
      /^• \[Ukraine's allies .*\]\(https:\/\/www\.independent\.co\.uk\/.*-0\) · <t:\d+:t>$/,
    );
    expect(lines[1]).toContain('_Ukraine-Russia war latest');
    expect(lines[1]).toContain(`<t:${Date.parse('2026-01-06T10:15:00Z') / 1000}:t>`);
    expect(messageLimitViolations(messages[0])).toEqual([]);
  });

  it('GIVEN items citing one article only THEN bullets do not repeat its title (the footer names it)', () => {
    const briefing = seedKeyPoints();
    for (const item of briefing.sections[0].items) if (item.citation) item.citation.articleTitle = 'One blog';
    const [m] = renderDiscordMessages(briefing);
    expect(m.embeds[0].description).not.toContain('One blog');
    expect(m.embeds[0].footer?.text).toContain('Sources: Ukraine-Russia war latest');
  });

  it('GIVEN an adversarial briefing of 400 items THEN every payload is within every limit', () => {
    const messages = renderDiscordMessages(adversarialBriefing(400), { paginate: { key: 'k1' } });
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) {
      expect(messageLimitViolations(m)).toEqual([]);
      expect(m.allowed_mentions).toEqual({ parse: [] });
      expect(m.components?.[0].components).toHaveLength(3);
    }
  });

  it('GIVEN 400 items THEN nothing is dropped: every item and every 5,000-character quote is rendered in order', () => {
    const briefing = adversarialBriefing(400);
    const text = stripEscapes(descriptions(renderDiscordMessages(briefing)));
    let from = 0;
    for (const section of briefing.sections)
      for (const item of section.items) {
        const probe = item.text.length > 200 ? item.text.slice(-60) : item.text.split('\n')[0];
        const at = text.indexOf(probe.replace(/\n/g, ' '), from);
        expect(at, `missing ${probe.slice(0, 40)}`).toBeGreaterThanOrEqual(from);
        from = at;
      }
  });

  it('GIVEN mentions and markdown in source text THEN none survives as a live mention, link or format', () => {
    const messages = renderDiscordMessages(adversarialBriefing(16));
    for (const m of messages)
      for (const e of m.embeds) {
        // Footers render neither markdown nor mentions, so only mass mentions are broken there.
        expect(e.footer?.text ?? '').not.toMatch(/@(everyone|here)/);
        const all = [e.title ?? '', e.description ?? ''].join('\n');
        expect(all).not.toMatch(/@(everyone|here)/);
        expect(all).not.toMatch(/(?<!\\)<@/);
        expect(all).not.toMatch(/(?<!\\)\*\*bold/);
        expect(all).not.toMatch(/(?<!\\)\[click/);
        expect(all).not.toMatch(/javascript:/);
        expect(all).not.toMatch(/(?<!\\)<t:0:R>/);
        expect(all).not.toMatch(/^# Heading/m);
      }
  });

  it('GIVEN a URL with parentheses THEN the link stays well-formed', () => {
    const text = descriptions(renderDiscordMessages(adversarialBriefing(16)));
    expect(text).toContain('(https://example.com/a_%28b%29?q=%40everyone)');
  });

  it('GIVEN pagination THEN buttons carry parseable ids and the ends are disabled', () => {
    const messages = renderDiscordMessages(adversarialBriefing(200), { paginate: { key: 'abc' } });
    const first = messages[0].components?.[0].components ?? [];
    const last = messages[messages.length - 1].components?.[0].components ?? [];
    expect(first[0].disabled).toBe(true);
    expect(last[2].disabled).toBe(true);
    const next = first[2];
    expect('custom_id' in next && parsePageId(next.custom_id)).toEqual({ key: 'abc', page: 1 });
    expect(messages[1].embeds[messages[1].embeds.length - 1].footer?.text).toContain(
      `Page 2/${messages.length}`,
    );
  });

  it('GIVEN an empty briefing THEN a valid message saying so', () => {
    const [m] = renderDiscordMessages({ kind: 'search', title: '', subtitle: '', sections: [] });
    expect(m.embeds[0].description).toBe('Nothing to show.');
    expect(messageLimitViolations(m)).toEqual([]);
  });
});
