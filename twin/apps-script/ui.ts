/**
 * `SpreadsheetApp.getUi()` for the twin: menus, alerts, prompts, the sidebar and modal dialogs are
 * recorded (and prompts answered from a queue), so tests and the playground can show and drive them.
 */
import type { CallCounter } from './counter';

export interface UiRecorder {
  readonly menus: { name: string; items: { label: string; fn: string }[] }[];
  readonly alerts: string[];
  readonly sidebars: { title: string; html: string }[];
  readonly dialogs: { title: string; html: string; height: number }[];
  /** Answers for `prompt`, taken in order; an empty queue answers CANCEL. */
  readonly promptAnswers: { button: 'OK' | 'CANCEL'; text: string }[];
  /** Answers for alerts with buttons (YES_NO …), taken in order; an empty queue answers OK. */
  readonly alertAnswers: ('OK' | 'CANCEL' | 'YES' | 'NO')[];
}

export const newUiRecorder = (): UiRecorder => ({
  menus: [],
  alerts: [],
  sidebars: [],
  dialogs: [],
  promptAnswers: [],
  alertAnswers: [],
});

const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

type Html = { getContent(): string; getTitle?(): string; getHeight?(): number };

export function makeUi(ui: UiRecorder, counter: CallCounter) {
  const menu = (name: string) => {
    const record = { name, items: [] as { label: string; fn: string }[] };
    const m = {
      addItem(label: string, fn: string) {
        record.items.push({ label, fn });
        return m;
      },
      addSeparator: () => m,
      addSubMenu: () => m,
      addToUi() {
        counter.hit('Menu.addToUi');
        ui.menus.push(record);
      },
    };
    return m;
  };
  return {
    Button,
    ButtonSet,
    createAddonMenu: () => (counter.hit('Ui.createAddonMenu'), menu('Backorder Desk')),
    createMenu: (name: string) => (counter.hit('Ui.createMenu'), menu(name)),
    alert(titleOrPrompt: string, prompt?: string) {
      counter.hit('Ui.alert');
      ui.alerts.push(
        prompt === undefined || typeof prompt !== 'string' ? titleOrPrompt : `${titleOrPrompt}: ${prompt}`,
      );
      return ui.alertAnswers.shift() ?? Button.OK;
    },
    prompt(title: string) {
      counter.hit('Ui.prompt');
      const answer = ui.promptAnswers.shift() ?? { button: 'CANCEL', text: '' };
      ui.alerts.push(`prompt: ${title}`);
      return { getSelectedButton: () => answer.button, getResponseText: () => answer.text };
    },
    showSidebar(html: Html) {
      counter.hit('Ui.showSidebar');
      ui.sidebars.push({ title: html.getTitle?.() ?? '', html: html.getContent() });
    },
    showModalDialog(html: Html, title: string) {
      counter.hit('Ui.showModalDialog');
      ui.dialogs.push({ title, html: html.getContent(), height: html.getHeight?.() ?? 0 });
    },
  };
}
