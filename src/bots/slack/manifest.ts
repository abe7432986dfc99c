// The shipped Slack app manifest (slack/manifest.json), and its HTTP-mode variant for a given public URL.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fail, ok, type Result } from '../../errors.ts';

/** Where the manifest lives in the repository (and the container image). */
export const MANIFEST_URL = new URL('../../../slack/manifest.json', import.meta.url);

const ManifestSchema = z
  .object({
    display_information: z.object({ name: z.string() }).loose(),
    features: z
      .object({
        app_home: z.object({ home_tab_enabled: z.boolean() }).loose(),
        slash_commands: z.array(z.object({ command: z.string(), url: z.string().optional() }).loose()).min(1),
      })
      .loose(),
    oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }).loose() }).loose(),
    settings: z
      .object({
        event_subscriptions: z
          .object({ request_url: z.string().optional(), bot_events: z.array(z.string()) })
          .loose(),
        socket_mode_enabled: z.boolean(),
      })
      .loose(),
  })
  .loose();
export type SlackManifest = z.infer<typeof ManifestSchema>;

/** Reads and checks the shipped manifest. */
export async function loadSlackManifest(url: URL = MANIFEST_URL): Promise<SlackManifest> {
  return ManifestSchema.parse(JSON.parse(await readFile(url, 'utf8')));
}

/**
 * The manifest for the HTTP receiver: Socket Mode off, and the slash command and events pointed at
 * `<publicUrl>/slack/events`. publicUrl must be an https URL (Slack refuses plain http request URLs).
 */
export function manifestForHttp(manifest: SlackManifest, publicUrl: string): Result<SlackManifest> {
  let base: URL;
  try {
    base = new URL(publicUrl);
  } catch {
    return fail(
      'BAD_OPTION',
      `--url must be the app's public https URL, such as https://news.example.com (got “${publicUrl}”)`,
    );
  }
  if (base.protocol !== 'https:')
    return fail('BAD_OPTION', '--url must be an https URL: Slack only calls https request URLs');
  const endpoint = new URL('/slack/events', base).href;
  const copy = structuredClone(manifest);
  copy.settings.socket_mode_enabled = false;
  copy.settings.event_subscriptions.request_url = endpoint;
  for (const c of copy.features.slash_commands) c.url = endpoint;
  return ok(copy);
}
