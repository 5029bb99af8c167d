/**
 * OAuth scopes of the script's manifest, enforced as Apps Script enforces them: a manifest that lists
 * its `oauthScopes` gets exactly those, and calling a method that needs another one throws
 * "Specified permissions are not sufficient to call X. Required permissions: Y" (fidelity A18–A20).
 * The required scopes per method are the "Authorization" sections of each method's reference page.
 */

export const SCOPES = {
  email: 'https://www.googleapis.com/auth/userinfo.email',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  currentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
} as const;

const sheets = [SCOPES.currentOnly, SCOPES.spreadsheets];

/** Method → the scopes any one of which allows it. */
export const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'Session.getActiveUser': [SCOPES.email],
  'Session.getEffectiveUser': [SCOPES.email],
  'SpreadsheetApp.getActiveSpreadsheet': sheets,
  'SpreadsheetApp.getActive': sheets,
  'SpreadsheetApp.openById': [SCOPES.spreadsheets],
  'SpreadsheetApp.getUi': [SCOPES.containerUi],
  'ScriptApp.newTrigger': [SCOPES.scriptApp],
  'ScriptApp.getProjectTriggers': [SCOPES.scriptApp],
  'ScriptApp.getUserTriggers': [SCOPES.scriptApp],
  'ScriptApp.deleteTrigger': [SCOPES.scriptApp],
};

export function scopeError(method: string, need: readonly string[]): Error {
  return new Error(
    `Exception: Specified permissions are not sufficient to call ${method}. Required permissions: ${need.join(' || ')}`,
  );
}

/**
 * The service with every method that needs a scope the manifest lacks replaced by one that throws.
 * `scopes` undefined: nothing enforced (small scripts in the twin's own tests, with no manifest).
 */
export function withScopes<T extends object>(
  service: string,
  api: T,
  scopes: readonly string[] | undefined,
): T {
  if (!scopes) return api;
  const out: Record<string, unknown> = { ...(api as Record<string, unknown>) };
  for (const [name, fn] of Object.entries(api)) {
    const need = REQUIRED[`${service}.${name}`];
    if (typeof fn !== 'function' || !need || need.some((s) => scopes.includes(s))) continue;
    out[name] = () => {
      throw scopeError(`${service}.${name}`, need);
    };
  }
  return out as T;
}
