// Start-up and memory probe: runs `node bin/storybrief.js start --db …` with piped stdin, times "running", reads peak RSS.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface StartProbe {
  /** Seconds from spawn to the "storybrief running" line. */
  readySeconds: number;
  /** Peak resident set size of the process (kB → MB), from /usr/bin/time. */
  peakRssMb: number;
  exitCode: number | null;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Starts the product against `db`, sends a few console lines, closes stdin and waits for it to stop. */
export function probeStart(
  db: string,
  opts: { lines?: string[]; holdMs?: number; timeoutMs?: number } = {},
): Promise<StartProbe> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      '/usr/bin/time',
      ['-f', 'BENCH_MAXRSS_KB=%M', process.execPath, 'bin/storybrief.js', 'start', '--db', db],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' },
      },
    );
    let readySeconds = Number.NaN;
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`start did not finish in time: ${out.slice(-500)} ${err.slice(-500)}`));
    }, opts.timeoutMs ?? 300_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (Number.isNaN(readySeconds) && out.includes('storybrief running')) {
        readySeconds = (performance.now() - started) / 1000;
        for (const line of opts.lines ?? ['/news brief', '/news timeline', '/news search ceasefire']) {
          child.stdin.write(`${line}\n`);
        }
        setTimeout(() => child.stdin.end(), opts.holdMs ?? 3000);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /BENCH_MAXRSS_KB=(\d+)/.exec(err);
      if (!m) return reject(new Error(`no RSS figure: ${err.slice(-500)}`));
      resolve({ readySeconds, peakRssMb: Number(m[1]) / 1024, exitCode: code });
    });
  });
}
