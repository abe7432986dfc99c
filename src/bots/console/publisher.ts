// Console delivery: scheduled digests and alerts for `console` subscriptions are printed on the bot's output.
import type { Writable } from 'node:stream';
import type { Briefing } from '../../briefings/briefing.ts';
import { renderText } from '../../briefings/render-text.ts';
import type { DeliveryTarget, PartKey, Publisher, SendResult } from '../../schedule/publisher.ts';

/** Prints each delivered briefing to `output` with a header naming the channel. One process owns the console. */
export function createConsolePublisher(output: Writable): Publisher<string> {
  return {
    platform: 'console',
    render(briefing: Briefing): string[] {
      const late = briefing.late ? ' (late)' : '';
      return [`${renderText(briefing)}${late}`];
    },
    async send(target: DeliveryTarget, message: string, key: PartKey): Promise<SendResult> {
      output.write(`\n── #${target.channel} ──\n${message}\n`);
      return { ok: true, messageId: `${key.deliveryId}:${key.part}` };
    },
    async findSent(): Promise<string | null> {
      // Console output cannot be read back; a resend after a crash prints again.
      return null;
    },
  };
}
