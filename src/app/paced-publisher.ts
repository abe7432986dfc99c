// Paces a publisher under the platform's published rate limits, so a fan-out waits for its slot instead of
// drawing 429s: Discord allows a bot 50 requests/s in all (a limit it never advertises in headers, and answers
// 10,000 invalid requests in 10 minutes with a ban); Slack allows about 1 message/s per channel.
import type { Publisher } from '../schedule/publisher.ts';

export interface PaceLimits {
  /** Sends per second across every channel (Discord: 50). */
  globalPerSecond?: number;
  /** Sends per second into one channel (Slack: 1). */
  channelPerSecond?: number;
}

export interface Pacer {
  /** Waits until a send to `channel` may start under every limit; call the returned release when it has finished. */
  acquire(channel: string): Promise<() => void>;
}

export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const WINDOW_MS = 1000;

/**
 * One limit of `perSecond` sends per second: starts are spaced 1/perSecond apart (no bursts), and a send also
 * counts against the budget until a full second after it *finished*. The server receives a request after it
 * starts and before it finishes, so no second of arrivals can hold more than `perSecond` requests, however the
 * network delays them (sending at exactly the limit on departure times draws 429s from that jitter).
 */
function createGate(perSecond: number, time: PacerTime) {
  const gap = WINDOW_MS / perSecond;
  const limit = Math.max(1, Math.floor(perSecond));
  let inFlight = 0;
  const finished: number[] = [];
  let nextStart = Number.NEGATIVE_INFINITY;
  let wake: Array<() => void> = [];
  return {
    /** Takes a slot when one is free now; otherwise the ms to wait (Infinity: until a send finishes). */
    tryTake(now: number): number {
      while (finished.length > 0 && finished[0]! <= now - WINDOW_MS) finished.shift();
      let wait = Math.max(0, nextStart - now);
      if (inFlight + finished.length >= limit)
        wait = Math.max(
          wait,
          finished.length > 0 ? finished[0]! + WINDOW_MS - now : Number.POSITIVE_INFINITY,
        );
      if (wait > 0) return wait;
      inFlight++;
      nextStart = now + gap;
      return 0;
    },
    release() {
      inFlight--;
      finished.push(time.now());
      const waiting = wake;
      wake = [];
      for (const w of waiting) w();
    },
    finishedOne(): Promise<void> {
      return new Promise((resolve) => wake.push(resolve));
    },
    idle: () => inFlight === 0 && finished.length === 0,
  };
}

/** Rate limits per platform: a global gate and/or one gate per channel; time and sleep are injectable for tests. */
export function createPacer(
  limits: PaceLimits,
  time: PacerTime = {
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
): Pacer {
  const global = limits.globalPerSecond ? createGate(limits.globalPerSecond, time) : null;
  const channels = new Map<string, ReturnType<typeof createGate>>();
  const channelGate = (channel: string) => {
    if (!limits.channelPerSecond) return null;
    let gate = channels.get(channel);
    if (!gate) {
      // Forget idle channels now and then (keeps the map as small as the channels recently written to).
      if (channels.size > 10_000) for (const [key, g] of channels) if (g.idle()) channels.delete(key);
      gate = createGate(limits.channelPerSecond, time);
      channels.set(channel, gate);
    }
    return gate;
  };
  async function take(gate: ReturnType<typeof createGate>): Promise<void> {
    for (;;) {
      const wait = gate.tryTake(time.now());
      if (wait === 0) return;
      await (Number.isFinite(wait) ? time.sleep(wait) : gate.finishedOne());
    }
  }
  return {
    async acquire(channel) {
      const gates = [channelGate(channel), global].filter((g) => g !== null);
      // The channel's slot first (it may wait long), then the global one (held only for the send itself).
      for (const gate of gates) await take(gate);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const gate of gates) gate.release();
      };
    },
  };
}

/** The publisher with every send waiting for its slot (rendering and findSent are not paced). */
export function pacedPublisher<M>(
  inner: Publisher<M>,
  limits: PaceLimits,
  pacer = createPacer(limits),
): Publisher<M> {
  return {
    platform: inner.platform,
    render: (briefing) => inner.render(briefing),
    async send(target, message, key) {
      const release = await pacer.acquire(`${target.workspace}/${target.channel}`);
      try {
        return await inner.send(target, message, key);
      } finally {
        release();
      }
    },
    findSent: (target, key, since) => inner.findSent(target, key, since),
  };
}

/** Discord: 50 requests/s per bot, all routes together. */
export const DISCORD_LIMITS: PaceLimits = { globalPerSecond: 50 };
/** Slack chat.postMessage: about 1 message/s per channel. */
export const SLACK_LIMITS: PaceLimits = { channelPerSecond: 1 };
