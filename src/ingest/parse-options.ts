// Validates the options of parseDocument: source, coverage date, IANA time zone and given metadata.
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { fail, ok, type Result } from '../errors.ts';

/** Options for parseDocument; `date` is the local day the coverage starts (the earliest entry's date). */
export const ParseOptionsSchema = z.object({
  source: z.string().min(1),
  date: z.string().optional(),
  timezone: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  storyId: z.string().optional(),
});
export type ParseOptions = z.infer<typeof ParseOptionsSchema>;

/** Options after validation, with defaults applied. */
export interface ResolvedOptions {
  source: string;
  date: string | null;
  timezone: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  storyId: string | null;
}

export const DEFAULT_TIMEZONE = 'UTC';

const nonEmpty = (value: string | undefined): string | null => {
  const v = value?.trim();
  return v ? v : null;
};

/** Checks a YYYY-MM-DD calendar date. */
export function checkDate(value: string): Result<string> {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !DateTime.fromISO(text, { zone: 'UTC' }).isValid) {
    return fail('BAD_DATE', `"${value}" is not a date; use YYYY-MM-DD, for example 2025-02-18`);
  }
  return ok(text);
}

/** Checks an IANA time zone name such as Europe/London. */
export function checkTimezone(value: string): Result<string> {
  const text = value.trim();
  if (!IANAZone.isValidZone(text)) {
    return fail(
      'BAD_TIMEZONE',
      `"${value}" is not a known IANA time zone; use a name such as Europe/London or UTC`,
    );
  }
  return ok(text);
}

export function resolveOptions(input: ParseOptions): Result<ResolvedOptions> {
  const parsed = ParseOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'BAD_OPTION',
      `invalid parse option ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const opts = parsed.data;
  let date: string | null = null;
  if (opts.date !== undefined && opts.date.trim() !== '') {
    const checked = checkDate(opts.date);
    if (!checked.ok) return checked;
    date = checked.value;
  }
  let timezone = DEFAULT_TIMEZONE;
  if (opts.timezone !== undefined && opts.timezone.trim() !== '') {
    const checked = checkTimezone(opts.timezone);
    if (!checked.ok) return checked;
    timezone = checked.value;
  }
  return ok({
    source: opts.source,
    date,
    timezone,
    title: nonEmpty(opts.title),
    url: nonEmpty(opts.url),
    outlet: nonEmpty(opts.outlet),
    storyId: nonEmpty(opts.storyId),
  });
}
