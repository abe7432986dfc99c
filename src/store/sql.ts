// The one SQL port both engines implement: parameterised queries ($1…) and transactions.

/** A connection (or a transaction on one) that runs Postgres-dialect SQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs fn in one transaction: all of it is committed, or none of it. Nested calls reuse the outer one. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/** A database handle that can be closed. */
export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** Where it lives: a directory, `memory://`, or a redacted postgres URL. */
  readonly location: string;
  close(): Promise<void>;
}
