// Refuses input that cannot be a news text: empty, binary, or larger than the byte limit.
import { fail, ok, type Result } from '../errors.ts';

/** The largest text parseDocument accepts, in UTF-8 bytes (10 MB). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Share of control characters above which a text counts as binary. */
const MAX_CONTROL_RATIO = 0.01;

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const CONTROL_CHARS = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g;
const REPLACEMENT_CHARS = /\ufffd/g;

function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Checks size, emptiness and binary content; linear in the text length. */
export function checkInputText(text: string): Result<string> {
  if (typeof text !== 'string') return fail('BAD_INPUT_FILE', 'the input is not text');
  // Each UTF-16 unit is at least one UTF-8 byte: a cheap lower bound before measuring exactly.
  if (text.length > MAX_INPUT_BYTES || Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    return fail(
      'BAD_INPUT_FILE',
      `the file is too large (${formatMegabytes(Buffer.byteLength(text, 'utf8'))}; the limit is ${formatMegabytes(MAX_INPUT_BYTES)})`,
    );
  }
  if (text.trim().length === 0) return fail('BAD_INPUT_FILE', 'the file is empty (no text at all)');
  if (text.includes('\u0000'))
    return fail('BAD_INPUT_FILE', 'the file looks binary (it contains NUL bytes), not text');
  const control = countMatches(text, CONTROL_CHARS);
  const replacement = countMatches(text, REPLACEMENT_CHARS);
  if (control > text.length * MAX_CONTROL_RATIO) {
    return fail('BAD_INPUT_FILE', 'the file looks binary (too many control characters), not text');
  }
  if (replacement > 16 && replacement > text.length * 0.05) {
    return fail('BAD_INPUT_FILE', 'the file is not valid UTF-8 text (many undecodable bytes)');
  }
  return ok(text);
}
