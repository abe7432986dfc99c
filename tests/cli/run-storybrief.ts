// Spawns `node bin/storybrief.js` as a user would, with a clean environment (no database variables).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/storybrief.js');
export const SOURCES = join(ROOT, 'data/sources');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(STORYBRIEF_|DATABASE_URL|DISCORD_|SLACK_|ADMIN_PORT|PORT$)/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

export function tempDir(prefix = 'storybrief-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts the CLI; stdin stays open unless `input` is given (then it is written and closed). */
export function spawnCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? cleanEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Waits for a spawned CLI to exit and collects its output. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

/** Runs the CLI to completion with stdin closed. */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const child = spawnCli(args, opts);
  child.stdin?.end();
  return finished(child);
}

/** Resolves when `predicate(output so far)` holds, or rejects after timeoutMs. */
export function waitForOutput(child: ChildProcess, predicate: (out: string) => boolean, timeoutMs = 90_000) {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting; output so far: ${out}`)), timeoutMs);
    const check = (d: Buffer) => {
      out += d;
      if (predicate(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
  });
}
