import { TideError } from '../../src/errors.js';

/** The TideError a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<TideError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (error instanceof TideError) return error;
  throw new Error(`expected a TideError, got ${String(error)}`);
}
