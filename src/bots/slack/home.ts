// The App Home tab: the latest Key Points and this workspace's digest subscriptions, within view limits.
import type { HomeView, KnownBlock } from '@slack/web-api';
import type { Briefing } from '../../briefings/briefing.ts';
import type { Subscription } from '../../store/types.ts';
import { escapeSlackText, shortenEscaped } from './escape.ts';
import { HOME_VIEW_BLOCKS_MAX, SECTION_TEXT_MAX } from './limits.ts';
import { renderSlackMessages } from './render.ts';

export interface HomeContent {
  /** The latest Key Points, or null when there is no coverage yet (or it could not be built). */
  keyPoints: Briefing | null;
  /** This workspace's subscriptions; null when no subscription store is wired. */
  subscriptions: Subscription[] | null;
}

const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

function channelRef(channel: string): string {
  return SLACK_CHANNEL_ID.test(channel) ? `<#${channel}>` : escapeSlackText(channel);
}

/** One line describing a subscription. */
export function subscriptionLine(s: Subscription): string {
  const parts = [
    `${channelRef(s.channel)} daily at ${escapeSlackText(s.time)} (${shortenEscaped(s.timezone, 100)})`,
  ];
  parts.push(s.topics.length ? `topics: ${shortenEscaped(s.topics.join(', '), 1000)}` : 'all topics');
  if (s.alerts) parts.push('breaking alerts on');
  if (s.paused) parts.push(`_paused${s.pausedReason ? `: ${shortenEscaped(s.pausedReason, 500)}` : ''}_`);
  return `• ${parts.join(' · ')}`;
}

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text, verbatim: true },
});

/** Builds the Home tab view. Key Points take the first message's blocks; subscriptions are listed after them. */
export function renderHomeView(content: HomeContent): HomeView {
  const blocks: KnownBlock[] = [];
  if (content.keyPoints) {
    const parts = renderSlackMessages(content.keyPoints, { layout: 'compact', continuation: 'messages' });
    // The first part only; its last block is the "continued" marker when there are more.
    blocks.push(...(parts.length > 1 ? parts[0].blocks.slice(0, -1) : parts[0].blocks));
    if (parts.length > 1)
      blocks.push(section('_More in the full briefing: type `/news brief` in a channel._'));
  } else {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: 'Key Points' } });
    blocks.push(section('_No coverage yet. Once sources are ingested, the latest Key Points appear here._'));
  }
  blocks.push({ type: 'divider' });
  blocks.push({ type: 'header', text: { type: 'plain_text', text: 'Daily digests in this workspace' } });
  const subs = content.subscriptions ?? [];
  if (subs.length === 0) {
    blocks.push(
      section(
        'none — a channel admin can type `/news follow time:08:00 timezone:Europe/London` in a channel.',
      ),
    );
  } else {
    // Pack subscription lines into sections, keeping room under the view's block limit.
    const room = HOME_VIEW_BLOCKS_MAX - blocks.length - 1;
    let current = '';
    let used = 0;
    let shown = 0;
    for (const s of subs) {
      const line = subscriptionLine(s);
      const next = current ? `${current}\n${line}` : line;
      if (next.length > SECTION_TEXT_MAX) {
        if (used + 1 >= room) break;
        blocks.push(section(current));
        used++;
        current = line;
      } else current = next;
      shown++;
    }
    if (current) blocks.push(section(current));
    if (shown < subs.length) blocks.push(section(`_…and ${subs.length - shown} more._`));
  }
  return { type: 'home', blocks: blocks.slice(0, HOME_VIEW_BLOCKS_MAX) };
}
