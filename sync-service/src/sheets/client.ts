/**
 * The only place that builds a Google Sheets client (the composition root hands it in; nothing else
 * imports googleapis). Credentials: a service-account key named by GOOGLE_APPLICATION_CREDENTIALS, or
 * Application Default Credentials, with the `spreadsheets` scope (the sync service edits spreadsheets
 * shared with it, so the narrower `spreadsheets.currentonly` of the add-on does not apply). For the
 * local twin and tests, BACKORDER_DESK_SHEETS_URL points the client at another root and
 * BACKORDER_DESK_ACCESS_TOKEN supplies a bearer token; neither is ever printed.
 */
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/**
 * How long one Sheets API request may take before it is abandoned (and retried by sheets/retry.ts
 * when it is safe to): 60 s, or BACKORDER_DESK_SHEETS_TIMEOUT_MS. A server that never answers would
 * otherwise keep a command or a sync run waiting forever.
 */
export function requestTimeoutMs(env: Record<string, string | undefined>): number {
  const ms = Number(env.BACKORDER_DESK_SHEETS_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 60_000;
}

export function sheetsClient(env: Record<string, string | undefined>): sheets_v4.Sheets {
  const rootUrl = env.BACKORDER_DESK_SHEETS_URL;
  // The client's own retries (GET only, Retry-After ignored) are off: sheets/retry.ts retries all.
  const options = {
    version: 'v4' as const,
    retry: false,
    timeout: requestTimeoutMs(env),
    ...(rootUrl ? { rootUrl } : {}),
  };
  if (env.BACKORDER_DESK_ACCESS_TOKEN) {
    const auth = new OAuth2Client();
    auth.setCredentials({
      access_token: env.BACKORDER_DESK_ACCESS_TOKEN,
      expiry_date: Date.now() + 3_600_000,
    });
    return sheets({ ...options, auth });
  }
  return sheets({ ...options, auth: new GoogleAuth({ scopes: [SHEETS_SCOPE] }) });
}
