// GIVEN key points and subscriptions (or none) THEN the App Home view shows them within Slack's view limits.
import { describe, expect, it } from 'vitest';
import { renderHomeView } from '../../../src/bots/slack/home.ts';
import { HOME_VIEW_BLOCKS_MAX } from '../../../src/bots/slack/limits.ts';
import type { Subscription } from '../../../src/store/types.ts';
import { escapingProblems } from './payload-checks.ts';
import { bigBriefing } from './tiny-catalogue.ts';

function sub(i: number, extra: Partial<Subscription> = {}): Subscription {
  return {
    id: `s${i}`,
    platform: 'slack',
    workspace: 'T1',
    channel: `C0CHAN${i}`,
    time: '08:00',
    timezone: 'Europe/London',
    topics: ['security-guarantees', '<!channel> & co'],
    alerts: i % 2 === 0,
    createdBy: 'U1',
    createdAt: '2026-01-01T00:00:00Z',
    paused: i % 3 === 0,
    pausedReason: i % 3 === 0 ? 'channel_not_found <@U1>' : null,
    lastDeliveredAt: null,
    ...extra,
  };
}

function texts(view: ReturnType<typeof renderHomeView>): string[] {
  return view.blocks.flatMap((b) => {
    const x = b as { text?: { text: string }; elements?: Array<{ text?: string }> };
    return [x.text?.text ?? '', ...(x.elements ?? []).map((e) => e.text ?? '')].filter(Boolean);
  });
}

describe('App Home', () => {
  it('shows the key points and "none" when no subscription store is wired', () => {
    const view = renderHomeView({ keyPoints: bigBriefing(5), subscriptions: null });
    expect(view.type).toBe('home');
    const all = texts(view).join('\n');
    expect(all).toContain('Key Points');
    expect(all).toContain('Item 5');
    expect(all).toMatch(/^none/m);
  });

  it('says there is no coverage yet when there are no key points', () => {
    const all = texts(renderHomeView({ keyPoints: null, subscriptions: [] })).join('\n');
    expect(all).toContain('No coverage yet');
  });

  it('lists subscriptions with channel references, escaped topics and pause reasons', () => {
    const view = renderHomeView({ keyPoints: null, subscriptions: [sub(1), sub(3)] });
    const all = texts(view).join('\n');
    expect(all).toContain('<#C0CHAN1> daily at 08:00 (Europe/London)');
    expect(all).toContain('&lt;!channel&gt; &amp; co');
    expect(all).toContain('_paused: channel_not_found &lt;@U1&gt;_');
    for (const t of texts(view)) expect(escapingProblems(t, 'home')).toEqual([]);
  });

  it('stays within the view block limit with a huge briefing and thousands of subscriptions', () => {
    const view = renderHomeView({
      keyPoints: bigBriefing(400, 600),
      subscriptions: Array.from({ length: 5000 }, (_, i) => sub(i)),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_VIEW_BLOCKS_MAX);
    for (const b of view.blocks) {
      const t = (b as { text?: { text: string } }).text?.text ?? '';
      expect(t.length).toBeLessThanOrEqual(3000);
    }
    const all = texts(view).join('\n');
    expect(all).toMatch(/…and \d+ more\./);
    expect(all).toContain('More in the full briefing');
  });
});
