// GIVEN lines people type in the console or Slack THEN the grammar yields the subcommand and raw option strings.
import { describe, expect, it } from 'vitest';
import { parseCommandLine, tokenize } from '../../src/bots/grammar.ts';

function parsed(line: string) {
  const r = parseCommandLine(line);
  if (!r.ok) throw new Error(`expected ok for ${line}: ${r.error.message}`);
  return r.value;
}

describe('parseCommandLine', () => {
  it('GIVEN name:value options THEN they become raw strings', () => {
    expect(parsed('/news brief date:2026-01-06 topic:territory')).toEqual({
      name: 'brief',
      raw: { date: '2026-01-06', topic: 'territory' },
    });
  });

  it('GIVEN bare words THEN they fill the positional option', () => {
    expect(parsed('/news quotes Steve Witkoff topic:security-guarantees')).toEqual({
      name: 'quotes',
      raw: { speaker: 'Steve Witkoff', topic: 'security-guarantees' },
    });
    expect(parsed('/news search UK France troops').raw).toEqual({ query: 'UK France troops' });
  });

  it('GIVEN straight or curly quotes THEN values keep their spaces and apostrophes', () => {
    expect(parsed('/news topic "security guarantees"').raw).toEqual({ topic: 'security guarantees' });
    expect(parsed('/news brief topic:“security guarantees” date:today').raw).toEqual({
      topic: 'security guarantees',
      date: 'today',
    });
    expect(parsed("/news search Trump's envoy").raw).toEqual({ query: "Trump's envoy" });
    expect(parsed('/news quotes ‘Keir Starmer’').raw).toEqual({ speaker: 'Keir Starmer' });
  });

  it('GIVEN a quoted word that looks like name:value THEN it stays a word', () => {
    expect(parsed('/news search "topic:territory"').raw).toEqual({ query: 'topic:territory' });
  });

  it('GIVEN no /news prefix, upper case or extra spaces THEN it still parses', () => {
    expect(parsed('  BRIEF   Date:yesterday  ')).toEqual({ name: 'brief', raw: { date: 'yesterday' } });
  });

  it('GIVEN /news alone or help with a subcommand THEN help', () => {
    expect(parsed('/news')).toEqual({ name: 'help', raw: {} });
    expect(parsed('/news help quotes')).toEqual({ name: 'help', raw: { subcommand: 'quotes' } });
  });

  it('GIVEN a boolean option name as a bare word on a command without positional THEN it is set', () => {
    expect(parsed('/news brief generated').raw).toEqual({ generated: 'true' });
  });

  it('GIVEN an unknown subcommand THEN UNKNOWN_COMMAND lists the subcommands', () => {
    const r = parseCommandLine('/news breif');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('UNKNOWN_COMMAND');
      expect(r.error.message).toContain('brief');
      expect(r.error.message).toContain('timeline');
    }
  });

  it('GIVEN an unknown option or stray words on brief THEN BAD_OPTION names the options', () => {
    const a = parseCommandLine('/news brief dat:2026-01-06');
    expect(a.ok || a.error.code).toBe('BAD_OPTION');
    if (!a.ok) expect(a.error.message).toContain('date');
    const b = parseCommandLine('/news brief hello world');
    expect(b.ok || b.error.code).toBe('BAD_OPTION');
  });

  it('GIVEN an option twice THEN BAD_OPTION', () => {
    const r = parseCommandLine('/news brief date:today date:yesterday');
    expect(r.ok || r.error.code).toBe('BAD_OPTION');
  });

  it('GIVEN an unterminated quote THEN the value runs to the end of the line', () => {
    expect(parsed('/news search "peace deal').raw).toEqual({ query: 'peace deal' });
  });

  it('GIVEN hostile input THEN it never throws', () => {
    for (const line of [
      '',
      '""',
      '/news ::::',
      `/news search ${'x'.repeat(10_000)}`,
      '/news \u0000 brief',
      '“”‘’«»',
    ]) {
      expect(() => parseCommandLine(line)).not.toThrow();
    }
    expect(tokenize('a "b c" d').map((t) => t.text)).toEqual(['a', 'b c', 'd']);
  });
});
