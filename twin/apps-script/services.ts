/**
 * The twin's other Apps Script services, with Apps Script's limits and errors:
 * `LockService.getDocumentLock()` (one holder per document; `waitLock` past its timeout throws
 * "Lock timeout: another process was holding the lock for too long."), `PropertiesService` (9 KB a
 * value, 500 KB a store), `CacheService` (100 KB a value, expiry on the twin's clock), `ScriptApp`
 * (triggers, one of each type per document for an add-on; `AuthMode`), `Session`, `Utilities`
 * (`formatDate` in a time zone, `getUuid`, `sleep`) and `Logger`.
 */
import { randomUUID } from 'node:crypto';
import { zonedParts } from '../../shared/primitives/dates';
import type { CallCounter } from './counter';

export interface TriggerRecord {
  id: string;
  fn: string;
  type: 'CLOCK' | 'ON_EDIT' | 'ON_OPEN';
  /** The spreadsheet the add-on created it in (its trigger source). */
  documentId: string;
  everyDays?: number;
  atHour?: number;
  /** The zone `atHour` is read in (ClockTriggerBuilder.inTimezone); else the script's. */
  timeZone?: string;
}

/**
 * What one user's installation of the script holds across every spreadsheet it runs in: its
 * installable triggers, user and script properties (fidelity A24–A26, A30). Runtimes of two spreadsheets
 * share one to model a rep using the add-on in both.
 */
export interface ProjectState {
  readonly triggers: TriggerRecord[];
  readonly user: Map<string, string>;
  readonly script: Map<string, string>;
}

export const newProjectState = (): ProjectState => ({ triggers: [], user: new Map(), script: new Map() });

export interface DocumentState {
  lockHolder: string | undefined;
  readonly properties: Record<'document' | 'script' | 'user', Map<string, string>>;
  readonly cache: Map<string, { value: string; expires: number }>;
  /** The project's triggers (every spreadsheet's): `getProjectTriggers` lists them all. */
  readonly triggers: TriggerRecord[];
  readonly logs: string[];
  /**
   * Called when an execution releases the document lock, before it goes on (tests run a second
   * execution here to interleave two reps' clicks; see fidelity A3).
   */
  afterRelease?: (execution: string) => void;
}

export const newDocumentState = (project: ProjectState = newProjectState()): DocumentState => ({
  lockHolder: undefined,
  properties: { document: new Map(), script: project.script, user: project.user },
  cache: new Map(),
  triggers: project.triggers,
  logs: [],
});

/** Where an execution runs: `container` false for a time-driven run with no active spreadsheet. */
export interface ExecutionScope {
  readonly id: string;
  readonly documentId: string;
  readonly container: boolean;
}

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

export function makeServices(
  state: DocumentState,
  counter: CallCounter,
  scope: ExecutionScope,
  now: () => number,
  user: string,
  timeZone: string,
) {
  const execution = scope.id;
  const lock = {
    tryLock(_ms: number) {
      counter.hit('Lock.tryLock');
      if (state.lockHolder && state.lockHolder !== execution) return false;
      state.lockHolder = execution;
      return true;
    },
    waitLock(ms: number) {
      counter.hit('Lock.waitLock');
      if (state.lockHolder && state.lockHolder !== execution)
        throw new Error(
          `Exception: Lock timeout: another process was holding the lock for too long. (waited ${ms} ms)`,
        );
      state.lockHolder = execution;
    },
    hasLock: () => state.lockHolder === execution,
    releaseLock() {
      counter.hit('Lock.releaseLock');
      if (state.lockHolder !== execution) return;
      state.lockHolder = undefined;
      state.afterRelease?.(execution);
    },
  };

  const properties = (store: Map<string, string>, kind: string) => {
    const size = () => [...store].reduce((n, [k, v]) => n + k.length + v.length, 0);
    const p = {
      getProperty: (k: string) => (counter.hit(`${kind}.getProperty`), store.get(k) ?? null),
      getProperties: () => (counter.hit(`${kind}.getProperties`), Object.fromEntries(store)),
      getKeys: () => [...store.keys()],
      setProperty(k: string, v: string) {
        counter.hit(`${kind}.setProperty`);
        const value = String(v);
        if (value.length > VALUE_LIMIT) throw new Error(`Exception: Argument too large: value`);
        const before = store.get(k);
        store.set(k, value);
        if (size() > STORE_LIMIT) {
          if (before === undefined) store.delete(k);
          else store.set(k, before);
          throw new Error(
            'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
          );
        }
        return p;
      },
      setProperties(values: Record<string, string>) {
        for (const [k, v] of Object.entries(values)) p.setProperty(k, v);
        return p;
      },
      deleteProperty: (k: string) => (store.delete(k), p),
      deleteAllProperties: () => (store.clear(), p),
    };
    return p;
  };

  const cache = {
    get: (k: string) => {
      counter.hit('Cache.get');
      const e = state.cache.get(k);
      return e && e.expires > now() ? e.value : null;
    },
    put(k: string, v: string, seconds = 600) {
      counter.hit('Cache.put');
      if (String(v).length > 100 * 1024) throw new Error('Exception: Argument too large: value');
      state.cache.set(k, { value: String(v), expires: now() + Math.min(seconds, 21_600) * 1000 });
    },
    remove: (k: string) => void state.cache.delete(k),
  };

  const AuthMode = {
    NONE: 'NONE',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  } as const;
  const newTrigger = (fn: string) => {
    const t: TriggerRecord = { id: randomUUID(), fn, type: 'CLOCK', documentId: scope.documentId };
    const create = () => {
      counter.hit('TriggerBuilder.create');
      if (state.triggers.some((x) => x.type === t.type && x.documentId === t.documentId))
        throw new Error(
          `Exception: This add-on has created too many ${t.type === 'CLOCK' ? 'time-based' : 'edit'} triggers in this document for this Google user account.`,
        );
      state.triggers.push(t);
      return { getUniqueId: () => t.id, getHandlerFunction: () => t.fn, getEventType: () => t.type };
    };
    const clock = {
      everyDays: (n: number) => ((t.everyDays = n), clock),
      everyHours: (_n: number) => clock,
      // Add-ons may run time-driven triggers at most once an hour (fidelity A25).
      everyMinutes: (_n: number): never => {
        throw new Error('Exception: Add-ons may not run time-based triggers more often than once an hour.');
      },
      atHour: (h: number) => ((t.atHour = h), clock),
      inTimezone: (zone: string) => ((t.timeZone = zone), clock),
      create,
    };
    const sheet = {
      onEdit: () => ((t.type = 'ON_EDIT'), { create }),
      onOpen: () => ((t.type = 'ON_OPEN'), { create }),
    };
    return { timeBased: () => clock, forSpreadsheet: () => sheet };
  };

  const asTrigger = (t: TriggerRecord) => ({
    getUniqueId: () => t.id,
    getHandlerFunction: () => t.fn,
    getEventType: () => t.type,
    getTriggerSourceId: () => t.documentId,
  });
  // Outside a container (a time-driven run with no active document) the document's services are null.
  const inDocument = <T>(value: () => T): T | null => (scope.container ? value() : null);

  return {
    LockService: {
      getDocumentLock: () => (counter.hit('LockService.getDocumentLock'), inDocument(() => lock)),
      getScriptLock: () => {
        throw new Error(
          'The twin refuses the script lock: add-ons share it across installations (use getDocumentLock)',
        );
      },
    },
    PropertiesService: {
      getDocumentProperties: () =>
        inDocument(() => properties(state.properties.document, 'DocumentProperties')),
      getScriptProperties: () => properties(state.properties.script, 'ScriptProperties'),
      getUserProperties: () => properties(state.properties.user, 'UserProperties'),
    },
    CacheService: {
      getDocumentCache: () => inDocument(() => cache),
      getScriptCache: () => cache,
      getUserCache: () => cache,
    },
    ScriptApp: {
      AuthMode,
      newTrigger,
      /** This user's triggers of this add-on in the given document only (fidelity A26). */
      getUserTriggers: (doc: { getId(): string }) =>
        state.triggers.filter((t) => t.documentId === doc.getId()).map(asTrigger),
      /** Every trigger of the project for this user, in every document (fidelity A26). */
      getProjectTriggers: () => state.triggers.map(asTrigger),
      deleteTrigger(trigger: { getUniqueId(): string }) {
        const at = state.triggers.findIndex((t) => t.id === trigger.getUniqueId());
        if (at >= 0) state.triggers.splice(at, 1);
      },
    },
    Session: {
      // Each a call to Google's servers (the user's identity), priced as one by the cost model.
      getActiveUser: () => (counter.hit('Session.getActiveUser'), { getEmail: () => user }),
      getEffectiveUser: () => (counter.hit('Session.getEffectiveUser'), { getEmail: () => user }),
      getScriptTimeZone: () => timeZone,
      getTemporaryActiveUserKey: () => `key-${user}`,
    },
    Utilities: {
      getUuid: () => randomUUID(),
      sleep: (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms),
      formatDate: (date: Date, tz: string, pattern: string) => formatDate(date, tz, pattern),
      Charset: { UTF_8: 'UTF-8', US_ASCII: 'US-ASCII' },
      base64Encode: (data: string) => Buffer.from(String(data), 'utf8').toString('base64'),
    },
    Logger: { log: (...args: unknown[]) => void state.logs.push(args.map(String).join(' ')) },
  };
}

/** Utilities.formatDate for the SimpleDateFormat letters the add-on uses (y M d H m s). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  const fields: Record<string, string> = {
    yyyy: p.year,
    MM: p.month,
    dd: p.day,
    HH: p.hour,
    mm: p.minute,
    ss: p.second,
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (t) => fields[t] ?? t);
}
