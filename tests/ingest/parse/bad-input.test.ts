// Bad files and options are refused with a specific code and message, never a crash.
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, parseDocument } from '../../../src/ingest/index.ts';
import { seedText } from './seed-helpers.ts';

function errorOf(text: string, options: Parameters<typeof parseDocument>[1] = { source: 'x.txt' }) {
  const result = parseDocument(text, options);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('GIVEN bad input files', () => {
  it('THEN an empty or whitespace-only file is refused as empty', () => {
    for (const text of ['', '   \n\n\t  \r\n']) {
      const error = errorOf(text);
      expect(error.code).toBe('BAD_INPUT_FILE');
      expect(error.message).toMatch(/empty/);
    }
  });

  it('THEN binary content (NUL bytes, or many control characters) is refused as binary', () => {
    const png = `\x89PNG\r\n\x1a\n\0\0\0\rIHDR${'x'.repeat(40)}`;
    expect(errorOf(png)).toEqual({ code: 'BAD_INPUT_FILE', message: expect.stringMatching(/binary/) });
    const controls = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 8))).join('word ');
    expect(errorOf(controls)).toEqual({ code: 'BAD_INPUT_FILE', message: expect.stringMatching(/binary/) });
  });

  it('THEN a file over 10 MB is refused with its size, and the limit is exported', () => {
    expect(MAX_INPUT_BYTES).toBe(10 * 1024 * 1024);
    const paragraph = 'The talks continued late into the night in the capital. ';
    const huge = paragraph.repeat(Math.ceil((11 * 1024 * 1024) / paragraph.length));
    const error = errorOf(huge);
    expect(error.code).toBe('BAD_INPUT_FILE');
    expect(error.message).toMatch(/too large \(11\.0 MB; the limit is 10\.0 MB\)/);
  });

  it('THEN multibyte text is measured in UTF-8 bytes, not characters', () => {
    const text = 'Ж'.repeat(MAX_INPUT_BYTES / 2 + 10);
    expect(errorOf(text).message).toMatch(/too large/);
  });

  it('THEN a file with no prose (only furniture, a CSV, headings) is refused as unreadable', () => {
    for (const text of [
      'Comments\nRead more\nSupport Now\nStart reading\n',
      'id,name,value\n1,alpha,3\n2,beta,4\n',
      'Ukraine latest\nMore headlines here\nAnother heading\n',
      seedText('002').split('\n').slice(0, 9).join('\n'),
    ]) {
      const error = errorOf(text);
      expect(error.code).toBe('BAD_INPUT_FILE');
      expect(error.message).toMatch(/no readable article text/);
    }
  });
});

describe('GIVEN bad options', () => {
  const text = seedText('004');

  it('THEN an unknown time zone is BAD_TIMEZONE', () => {
    for (const timezone of ['Europe/Londn', 'GMT+25', 'Mars/Olympus']) {
      const error = errorOf(text, { source: 'x.txt', timezone });
      expect(error.code).toBe('BAD_TIMEZONE');
      expect(error.message).toContain(timezone);
    }
  });

  it('THEN a malformed or impossible date is BAD_DATE', () => {
    for (const date of ['2025-13-01', '2025-02-30', '18/02/2025', 'yesterday', '2025-2-1']) {
      const error = errorOf(text, { source: 'x.txt', date });
      expect(error.code).toBe('BAD_DATE');
      expect(error.message).toContain('YYYY-MM-DD');
    }
  });

  it('THEN a missing source is BAD_OPTION', () => {
    expect(errorOf(text, { source: '' }).code).toBe('BAD_OPTION');
  });

  it('THEN garbage never throws', () => {
    const samples = [
      '(',
      ')))',
      '- - -',
      '12:00',
      '12:00 , \n12:00',
      '![x](y)',
      ':::\n:::',
      'a'.repeat(5000),
    ];
    for (const s of samples)
      expect(() => parseDocument(s, { source: 'g.txt', date: '2025-01-01' })).not.toThrow();
  });
});
