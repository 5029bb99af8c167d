/**
 * What a long action is doing, for the sidebar to show while it waits: an execution notes its stage
 * (rows read so far, ranges written) in the user's cache under its RequestID, and the sidebar asks
 * for it from a second, concurrent `google.script.run` (Apps Script runs a user's calls in
 * parallel). A note is stored only once the action has run two seconds and then at most every two
 * seconds, so a quick click makes no extra call; a note that cannot be stored is dropped, never an
 * error. CacheService needs no OAuth scope.
 */

import { PROGRESS_EVERY_MS } from './progress-pace';

const KEEP_SECONDS = 600;

const keyOf = (requestId: string) => `backorderDesk.progress.${requestId}`;

export interface Progress {
  /** The current stage, in words the person reads ("reading: 420 rows so far"). */
  note(stage: string): void;
}

export const NO_PROGRESS: Progress = { note: () => undefined };

export function progressFor(requestId: string): Progress {
  const started = Date.now();
  let last = started;
  return {
    note(stage) {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      try {
        CacheService.getUserCache()?.put(keyOf(requestId), stage, KEEP_SECONDS);
      } catch {
        // A full or unavailable cache only costs the person the stage line.
      }
    },
  };
}

/** The stage an execution of `requestId` last noted, or "" before its first note. */
export function readProgress(requestId: string): string {
  return CacheService.getUserCache()?.get(keyOf(requestId)) ?? '';
}
