// The error hierarchy: user errors carry a code (for logs) and a message (for people).

/** Identifiers of the mistakes a user or operator can make. */
export type ErrorCode =
  | 'UNKNOWN_COMMAND'
  | 'BAD_OPTION'
  | 'BAD_DATE'
  | 'BAD_TIME'
  | 'BAD_TIMEZONE'
  | 'UNKNOWN_SPEAKER'
  | 'UNKNOWN_TOPIC'
  | 'NOTHING_FOUND'
  | 'FORBIDDEN'
  | 'BAD_INPUT_FILE'
  | 'BAD_CONFIG'
  | 'BAD_STORY'
  | 'DB_LOCKED'
  | 'NOT_FOUND';

/** An error whose message is meant for the user who caused it; never carries a stack to chat. */
export class UserError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

/** A parse result: a value, or an error with an identifier and a human message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
