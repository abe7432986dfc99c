// Forwards a CLI invocation to the process holding the database, through its loopback admin endpoint.
import { RUN_PATH, type RunRequest, type RunResponse, RunResponseSchema } from './admin-protocol.ts';

/** Sends the command; null when the endpoint cannot be reached (holder gone or not serving). */
export async function forwardToHolder(
  admin: { port: number; token: string },
  request: RunRequest,
  timeoutMs = 10 * 60_000,
): Promise<RunResponse | null> {
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${admin.port}${RUN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const parsed = RunResponseSchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}
