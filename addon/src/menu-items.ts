/**
 * The add-on menu's items: label → name of the top-level function the build exposes for it. Kept apart
 * from the Apps Script calls so tests and tools can read it without Apps Script's types.
 */

export const ADDON_NAME = 'Backorder Desk';

export const MENU_ITEMS: readonly (readonly [string, string])[] = [['About Backorder Desk', 'showAbout']];
