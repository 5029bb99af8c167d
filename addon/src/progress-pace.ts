/**
 * How often a long action's stage is noted and asked for (ms), shared by the server
 * (addon/src/progress.ts) and the sidebar, which cannot import Apps Script code: an action notes its
 * first stage after this long and the next no sooner; the sidebar asks at the same pace.
 */
export const PROGRESS_EVERY_MS = 2000;
