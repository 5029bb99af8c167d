/**
 * google.script.run for the playground's sidebar, behaving as Google's does: every call is
 * asynchronous, an argument Google refuses (a Date, a function, a DOM node, also nested) fails the
 * call at once with Google's TypeError (script-run-payload.ts), the success
 * handler gets the server function's return value and the failure handler an Error carrying the
 * server's message. Calls go over HTTP to the built Code.js running in the twin. When a call
 * returns, the page is told, so the grid shows what the call wrote at once, as a Sheet does when a
 * script's execution ends.
 */
import { illegalValueAt } from './script-run-payload';

type Handler = (value: unknown, userObject?: unknown) => void;

function runner(success?: Handler, failure?: Handler, userObject?: unknown): unknown {
  return new Proxy(
    {},
    {
      get(_t, name: string) {
        if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure, userObject);
        if (name === 'withFailureHandler') return (fn: Handler) => runner(success, fn, userObject);
        if (name === 'withUserObject') return (o: unknown) => runner(success, failure, o);
        return (...args: unknown[]) => {
          const bad = illegalValueAt(args);
          if (bad !== undefined) throw new TypeError(`Failed due to illegal value in property: ${bad}`);
          const payload = JSON.stringify(args);
          setTimeout(() => {
            fetch(`/rpc/${encodeURIComponent(name)}`, {
              method: 'POST',
              body: payload,
              headers: { 'content-type': 'application/json' },
            })
              .then((r) => r.json())
              .then((out: { value?: unknown; error?: string }) => {
                window.parent.postMessage({ type: 'backorder-desk:ran' }, '*');
                if (out.error !== undefined) failure?.(new Error(out.error), userObject);
                else success?.(out.value, userObject);
              })
              .catch((e: unknown) => failure?.(e instanceof Error ? e : new Error(String(e)), userObject));
          }, 0);
        };
      },
    },
  );
}

(window as unknown as { google: unknown }).google = { script: { run: runner(), host: { close() {} } } };
