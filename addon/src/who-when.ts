/**
 * Who acts and when, for an action's context and its Log row: today in the spreadsheet's time zone,
 * the signed-in user (or what Google lets the add-on know of them), and the instant, to the second.
 */
import type { CommandContext } from '../../shared/desk';

/** Today in the spreadsheet's time zone (pass the zone when it is known: asking it is a call). */
export function today(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone?: string): string {
  return Utilities.formatDate(new Date(), timeZone ?? ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/**
 * Who acts, for the Log. Both Session users need the userinfo.email scope (the manifest asks for it)
 * and may still be blank where Google withholds the address (fidelity A19); a missing scope throws,
 * so each is tried on its own, then the anonymous per-user key, so an action never fails over who.
 */
export function actor(): string {
  const tries = [
    () => Session.getActiveUser().getEmail(),
    () => Session.getEffectiveUser().getEmail(),
    () => `user ${Session.getTemporaryActiveUserKey().slice(0, 12)}`,
  ];
  for (const who of tries) {
    try {
      const name = who();
      if (name && name !== 'user ') return name;
    } catch {
      // No scope or no identity in this context: the next source says who.
    }
  }
  return 'unknown user';
}

export function contextFor(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  requestId: string,
  timeZone?: string,
): CommandContext {
  return {
    today: today(ss, timeZone) as CommandContext['today'],
    now: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
    actor: actor(),
    requestId,
  };
}
