// GIVEN the platform-neutral core (src/briefings, src/ingest) THEN none of its files imports a chat SDK or a database driver.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CORE_DIRS = ['src/briefings', 'src/ingest'];

/** Module specifiers the core must never import. */
const FORBIDDEN: Array<{ why: string; test: (spec: string, from: string) => boolean }> = [
  {
    why: 'discord.js',
    test: (s) => s === 'discord.js' || s.startsWith('discord.js/') || s.startsWith('@discordjs/'),
  },
  { why: '@slack/*', test: (s) => s.startsWith('@slack/') },
  { why: 'pg', test: (s) => s === 'pg' || s.startsWith('pg/') },
  { why: 'PGlite', test: (s) => s.startsWith('@electric-sql/pglite') },
  {
    why: 'a store database engine (src/store/*-database.ts)',
    test: (s, from) => /(^|\/)store\/[^/]*-database(\.ts)?$/u.test(join(from, '..', s).replace(/\\/g, '/')),
  },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|cts|js|mjs)$/u.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier in static imports, re-exports, dynamic import() and require(). */
function importedSpecifiers(code: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gu,
    /\bimport\s*['"]([^'"]+)['"]/gu,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/gu,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/gu,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]!);
  return specs;
}

describe('core boundary', () => {
  it('GIVEN the import scanner THEN it sees static, side-effect, dynamic and require imports', () => {
    const sample = [
      "import { Client } from 'discord.js';",
      "import type { App } from '@slack/bolt';",
      "import 'pg';",
      "const x = await import('@electric-sql/pglite');",
      "const y = require('../store/pglite-database.ts');",
      "export { a } from './a.ts';",
    ].join('\n');
    expect(importedSpecifiers(sample).sort()).toEqual(
      [
        '../store/pglite-database.ts',
        './a.ts',
        '@electric-sql/pglite',
        '@slack/bolt',
        'discord.js',
        'pg',
      ].sort(),
    );
    const from = join(ROOT, 'src/briefings/x.ts');
    const flagged = importedSpecifiers(sample).filter((s) => FORBIDDEN.some((f) => f.test(s, from)));
    expect(flagged).toHaveLength(5);
  });

  it('GIVEN every file under src/briefings and src/ingest THEN none imports discord.js, @slack/*, pg, PGlite or a *-database.ts', () => {
    const files = CORE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(10);
    const violations: string[] = [];
    for (const file of files) {
      for (const spec of importedSpecifiers(readFileSync(file, 'utf8'))) {
        const hit = FORBIDDEN.find((f) => f.test(spec, file));
        if (hit) violations.push(`${relative(ROOT, file)} imports ${spec} (${hit.why})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
