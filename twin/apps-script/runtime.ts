/**
 * An Apps Script runtime on the twin: a `node:vm` context holding only Apps Script's globals
 * (SpreadsheetApp, HtmlService, LockService, PropertiesService, CacheService, ScriptApp, Session,
 * Utilities, Logger, console) bound to one TwinSpreadsheet, into which a built `Code.js` is loaded.
 * Each execution gets its own context (as each Apps Script run does), sharing the document's state:
 * the spreadsheet, properties, cache, triggers and the document lock.
 */
import vm from 'node:vm';
import type { TwinSpreadsheet } from '../spreadsheet';
import { CallCounter } from './counter';
import { makeHtmlService } from './html-service';
import { withScopes } from './scopes';
import { type DocumentState, makeServices, newDocumentState, type ProjectState } from './services';
import { createSpreadsheetApp, type SpreadsheetAppEnv } from './spreadsheet-app';
import { newUiRecorder, type UiRecorder } from './ui';
import { WriteCache } from './write-cache';

export interface RuntimeOptions {
  readonly twin: TwinSpreadsheet;
  /** The built script (addon/dist/Code.js). */
  readonly code: string;
  /** HTML files by name (Sidebar.html …), for HtmlService. */
  readonly files?: Record<string, string>;
  readonly user?: string;
  readonly now?: () => number;
  readonly latencyMs?: number;
  /**
   * The manifest's `oauthScopes` (addon/dist/appsscript.json): methods needing another scope throw,
   * as in Apps Script. Undefined: not enforced.
   */
  readonly scopes?: readonly string[];
  /** The user's installation shared with other spreadsheets' runtimes (triggers, user properties). */
  readonly project?: ProjectState;
  /** Called after every execution (the twin saves its workbook file here, atomically). */
  readonly onChange?: (twin: TwinSpreadsheet) => void;
}

export class AppsScriptRuntime {
  readonly counter: CallCounter;
  readonly ui: UiRecorder = newUiRecorder();
  readonly state: DocumentState;
  readonly toasts: string[] = [];
  private readonly script: vm.Script;
  private executions = 0;
  readonly env: SpreadsheetAppEnv;

  constructor(private readonly options: RuntimeOptions) {
    this.counter = new CallCounter(options.latencyMs ?? 0);
    this.state = newDocumentState(options.project);
    this.script = new vm.Script(options.code, { filename: 'Code.js' });
    this.env = {
      twin: options.twin,
      counter: this.counter,
      ui: this.ui,
      active: undefined,
      toasts: this.toasts,
      makeDate: (ms) => new Date(ms),
    };
  }

  /** A fresh execution context, as Apps Script gives every run. */
  execution(): vm.Context {
    return this.start().context;
  }

  private start(container = true): { context: vm.Context; id: string; cache: WriteCache } {
    this.executions += 1;
    const cache = new WriteCache();
    const id = `execution-${this.executions}`;
    const now = this.options.now ?? Date.now;
    const services = makeServices(
      this.state,
      this.counter,
      { id, documentId: this.options.twin.id, container },
      now,
      this.options.user ?? 'rep@example.com',
      this.options.twin.file.properties.timeZone,
    );
    const scopes = this.options.scopes;
    const context = vm.createContext({
      SpreadsheetApp: withScopes('SpreadsheetApp', createSpreadsheetApp(this.env, cache, container), scopes),
      HtmlService: makeHtmlService(this.options.files ?? {}, (k) => this.counter.hit(k)),
      ...services,
      Session: withScopes('Session', services.Session, scopes),
      ScriptApp: withScopes('ScriptApp', services.ScriptApp, scopes),
      console: { log: services.Logger.log, error: services.Logger.log, warn: services.Logger.log },
    });
    // With a clock given, the script's `new Date()` and `Date.now()` read it (the twin's virtual time).
    if (this.options.now)
      (
        vm.runInContext(
          `(function (now) {
            var D = Date;
            class ScriptDate extends D {
              constructor(...a) { if (a.length === 0) super(now()); else super(...a); }
              static now() { return now(); }
            }
            globalThis.Date = ScriptDate;
          })`,
          context,
        ) as (now: () => number) => void
      )(this.options.now);
    const ScriptDate = vm.runInContext('Date', context) as DateConstructor;
    this.env.makeDate = (ms) => new ScriptDate(ms);
    this.script.runInContext(context);
    return { context, id, cache };
  }

  /**
   * Fires an installable time-driven trigger: its handler with the event object Apps Script passes
   * (`authMode` FULL, `triggerUid`). `activeSpreadsheet` false runs it with no container, where
   * getActiveSpreadsheet(), getDocumentProperties() and getDocumentLock() return null (fidelity A27–A28).
   */
  fireTimeDriven(triggerId: string, activeSpreadsheet: boolean): unknown {
    const t = this.state.triggers.find((x) => x.id === triggerId && x.type === 'CLOCK');
    if (!t) throw new Error(`No time-driven trigger ${triggerId}`);
    if (t.documentId !== this.options.twin.id)
      throw new Error(`Trigger ${triggerId} belongs to ${t.documentId}`);
    return this.runWith(t.fn, () => [{ authMode: 'FULL', triggerUid: t.id }], activeSpreadsheet);
  }

  /** Runs a top-level function of the script in a new execution; returns what it returns. */
  run(fn: string, ...args: unknown[]): unknown {
    return this.runWith(fn, () => args);
  }

  /**
   * Runs a function with arguments made inside its own execution, as Apps Script makes a trigger's
   * event object (its `range` belongs to the execution it is handed to).
   */
  runWith(fn: string, makeArgs: (context: vm.Context) => unknown[], container = true): unknown {
    // An execution started while another is under way (a second rep's click, in tests) must not leave
    // its Date realm to the first one.
    const outer = this.env.makeDate;
    const { context, id, cache } = this.start(container);
    if (typeof context[fn] !== 'function') throw new Error(`Script function not found: ${fn}`);
    try {
      return (context[fn] as (...a: unknown[]) => unknown)(...makeArgs(context));
    } finally {
      // An execution that ends commits its queued writes and releases its lock, as Apps Script does.
      cache.commit();
      if (this.state.lockHolder === id) this.state.lockHolder = undefined;
      this.env.makeDate = outer;
      this.options.onChange?.(this.options.twin);
    }
  }
}
