// Who may manage a channel on Slack: workspace admins and owners, and the channel's creator.
import type { WebClient } from '@slack/web-api';

/** Asks Slack whether user may manage channel (follow / unfollow); any API failure means no. */
export function createChannelManagerCheck(client: Pick<WebClient, 'users' | 'conversations'>) {
  return async (user: string, channel: string): Promise<boolean> => {
    try {
      const info = await client.users.info({ user });
      const u = info.user;
      if (u?.is_admin || u?.is_owner || u?.is_primary_owner) return true;
    } catch {
      /* fall through to the channel creator */
    }
    try {
      const conv = await client.conversations.info({ channel });
      return !!conv.channel?.creator && conv.channel.creator === user;
    } catch {
      return false;
    }
  };
}
