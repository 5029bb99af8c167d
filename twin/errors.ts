/**
 * A request the twin refuses as Google would: the HTTP status Google answers with, the reason that
 * status stands for, and Google's message; the HTTP face (sheets-api.ts) answers with Google's JSON
 * error for it.
 */
export class TwinError extends Error {
  constructor(
    readonly status: number,
    readonly reason:
      | 'INVALID_ARGUMENT'
      | 'NOT_FOUND'
      | 'PERMISSION_DENIED'
      | 'UNAUTHENTICATED'
      | 'RESOURCE_EXHAUSTED'
      | 'INTERNAL'
      | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
  }
}
