/**
 * One mapper from Google API errors to the product's errors, so every edge renders them the same way:
 * a refusal or failure on Google's side is `GOOGLE`, never a business `REFUSED`.
 * It keeps Google's own message (which never holds a token) and the HTTP status, and drops everything
 * else a Gaxios error carries (request headers, config with credentials).
 */
import { DeskError } from '../../../shared/primitives/errors';
import { timedOut } from './retry';

interface GoogleLikeError {
  response?: { status?: number; data?: { error?: { message?: string; status?: string } } };
  code?: string | number;
  message?: string;
}

export function fromGoogleError(e: unknown, what: string): DeskError {
  const err = e as GoogleLikeError;
  const status = err.response?.status;
  const message = err.response?.data?.error?.message ?? '';
  if (status === 401 || status === 403)
    return new DeskError(
      'GOOGLE',
      `${what}: not allowed (${status}). Share the spreadsheet with the service account, or check the credentials. ${message}`.trim(),
    );
  if (status === 404)
    return new DeskError('NOT_FOUND', `${what}: spreadsheet not found (404). Check the spreadsheet ID.`);
  if (status === 400)
    return new DeskError('BAD_INPUT', `${what}: Google refused the request (400): ${message}`);
  if (status === 429 || (status !== undefined && status >= 500))
    return new DeskError(
      'GOOGLE',
      `${what}: Google is busy or failing (${status}); try again. ${message}`.trim(),
    );
  // Credential failures name the setting to check; their own text may quote the key, so it is dropped.
  if (e instanceof SyntaxError || /credential|private.?key|JSON|PEM|jwt/i.test(err.message ?? ''))
    return new DeskError(
      'GOOGLE',
      `${what}: the Google credentials could not be used: check GOOGLE_APPLICATION_CREDENTIALS (a service-account key file) or Application Default Credentials`,
    );
  if (timedOut(e))
    return new DeskError(
      'GOOGLE',
      `${what}: could not reach the Sheets API (no answer within the request timeout, BACKORDER_DESK_SHEETS_TIMEOUT_MS, 60 s by default); nothing more was sent. Try again.`,
    );
  const code = typeof err.code === 'string' ? err.code : '';
  return new DeskError('GOOGLE', `${what}: could not reach the Sheets API${code ? ` (${code})` : ''}`);
}
