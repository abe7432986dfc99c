// The wire format between a CLI process and the bot's loopback admin endpoint.
import { z } from 'zod';

/** A CLI invocation forwarded to the process that holds the database. */
export const RunRequestSchema = z.object({
  /** Arguments after `storybrief` (e.g. ["--db", "dir", "ingest", "file.txt"]). */
  argv: z.array(z.string()).max(1000),
  /** The caller's working directory, for relative paths. */
  cwd: z.string().min(1),
});
export type RunRequest = z.infer<typeof RunRequestSchema>;

/** What the command printed and how it ended. */
export const RunResponseSchema = z.object({
  exitCode: z.number().int(),
  out: z.string(),
  err: z.string(),
});
export type RunResponse = z.infer<typeof RunResponseSchema>;

export const RUN_PATH = '/run';
