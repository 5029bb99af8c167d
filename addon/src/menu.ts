/**
 * The add-on menu. `onOpen` runs in AuthMode.NONE for an add-on that has not been used in this file
 * yet, so it only builds the menu: it reads no data and no properties (Apps Script add-on rules).
 */
import { MENU_ITEMS } from './menu-items';

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const [label, fn] of MENU_ITEMS) menu.addItem(label, fn);
  menu.addToUi();
}
