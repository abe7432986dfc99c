// Zod pieces for command options that accept both typed values (Discord) and typed-in text (console, Slack).
import { z } from 'zod';

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);

/** Free text, trimmed; non-empty, at most `max` characters. */
export function textOption(max = 200) {
  return z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
    z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`),
  );
}

/** A whole number in [min, max], given as a number or as digits. */
export function integerOption(min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );
}

/** A yes/no flag: true/false, yes/no, on/off, 1/0. */
export function booleanOption() {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const w = v.trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      return v;
    },
    z.boolean({ error: 'must be true or false (yes/no)' }),
  );
}

/** A date as people type it: 2026-01-06, today or yesterday (resolved later against the clock). */
export function dateOption() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z
      .string()
      .regex(
        /^(\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?|today|yesterday|latest)$/,
        'must be a date like 2026-01-06, or today / yesterday',
      ),
  );
}

/** A comma- or space-separated list of words (topics), as an array. */
export function wordListOption() {
  return z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[,;]+/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(z.string().min(1).max(100)).min(1, 'must name at least one topic').max(25),
  );
}
