/** Stable codes for every refused store call: callers match on these, never on the text. */
export const STORE_ERROR_CODES = ["store/duplicate", "store/gap", "store/not_found", "store/not_open", "store/not_owner", "store/schema_too_new"] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
