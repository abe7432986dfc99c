// A tiny command catalogue for adapter tests: the SlackCatalogue shape without the briefing core.

import type { CommandContext } from '../../../src/bots/command-types.ts';
import type { SlackCatalogue } from '../../../src/bots/slack/slash-command.ts';
import type { Briefing } from '../../../src/briefings/briefing.ts';
import { fail, ok } from '../../../src/errors.ts';

export interface TinyCatalogue extends SlackCatalogue {
  runs: Array<{ name: string; raw: Record<string, string>; ctx: CommandContext }>;
}

/** A briefing with `n` cited items (each `size` characters long). */
export function bigBriefing(n: number, size = 120): Briefing {
  return {
    kind: 'key-points',
    title: 'Key Points',
    subtitle: 'Test coverage',
    window: { from: '2026-01-06T08:39:00Z', to: '2026-01-07T02:54:00Z' },
    sections: [
      {
        heading: 'Key Points',
        items: Array.from({ length: n }, (_, i) => ({
          text: `Item ${i + 1} ${'x'.repeat(Math.max(0, size - 8))}`,
          citation: {
            eventId: `e${i}`,
            articleTitle: 'Live blog',
            url: `https://example.com/live#e${i}`,
            time: '2026-01-06T09:00:00Z',
            author: 'Reporter',
          },
        })),
      },
    ],
  };
}

const NAMES = ['brief', 'help', 'boom', 'slow', 'follow', 'big'];

/** brief [words] → in-channel briefing; help → ephemeral; boom → throws; slow → 3.5 s; big n:N → N items. */
export function createTinyCatalogue(): TinyCatalogue {
  const runs: TinyCatalogue['runs'] = [];
  return {
    runs,
    parseCommandLine(text) {
      const words = text.trim().split(/\s+/).filter(Boolean);
      const name = (words[0] ?? 'help').toLowerCase();
      if (!NAMES.includes(name))
        return fail('UNKNOWN_COMMAND', `Unknown subcommand “${words[0]}”. Try \`/news help\`.`);
      const raw: Record<string, string> = {};
      for (const w of words.slice(1)) {
        const m = /^(\w+):(.*)$/.exec(w);
        if (m) raw[m[1]] = m[2];
        else raw.query = raw.query ? `${raw.query} ${w}` : w;
      }
      return ok({ name, raw });
    },
    findCommand(name) {
      return NAMES.includes(name) ? { name, requiresManageChannel: name === 'follow' } : undefined;
    },
    async runCommand(name, raw, ctx) {
      runs.push({ name, raw, ctx });
      if (name === 'boom') throw new Error('kaboom');
      if (name === 'slow') await new Promise((r) => setTimeout(r, 3500));
      if (name === 'follow' && !ctx.invoker.canManageChannel) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: '`follow` needs the Manage Channels permission.' },
        };
      }
      if (name === 'help') {
        return {
          ok: true,
          ephemeral: true,
          briefing: {
            kind: 'help',
            title: 'storybrief help',
            subtitle: '',
            sections: [{ heading: 'Commands', items: [{ text: '/news brief', citation: null }] }],
          },
        };
      }
      if (name === 'big')
        return { ok: true, ephemeral: false, briefing: bigBriefing(Number(raw.n) || 100, 300) };
      const b = bigBriefing(3);
      if (raw.query) b.sections[0].items[0].text = raw.query;
      return { ok: true, ephemeral: false, briefing: b };
    },
  };
}
