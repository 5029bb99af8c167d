/**
 * The sidebar's sign of work: after half a second of a call, "Working… N s" with the seconds
 * counting, until the call returns; for an action (given its RequestID) also the stage the server
 * noted for it (addon/src/progress.ts), asked every two seconds by a concurrent call.
 */
import { PROGRESS_EVERY_MS } from '../progress-pace';
import { $ } from './dom';
import type { Call } from './view-reader';

/**
 * After half a second of work, "Working… N s" with the seconds counting, until the call returns.
 * Given the action's RequestID, it also asks the server every two seconds what the action is doing
 * (addon/src/progress.ts: a concurrent call) and shows that stage under the seconds.
 */
export function working(call: Call, requestId?: string, what = ''): () => void {
  const box = $('working');
  const started = Date.now();
  let stage = what;
  const tick = () => {
    box.textContent = `Working… ${Math.floor((Date.now() - started) / 1000)} s${stage ? ` · ${stage}` : ''}`;
    box.hidden = false;
  };
  const first = setTimeout(() => {
    tick();
    timer = setInterval(tick, 1000);
  }, 500);
  let timer: ReturnType<typeof setInterval> | undefined;
  const ask = requestId
    ? setInterval(() => {
        call<string>('sidebarProgress', requestId)
          .then((s) => {
            if (s) stage = s;
          })
          .catch(() => undefined);
      }, PROGRESS_EVERY_MS)
    : undefined;
  return () => {
    clearTimeout(first);
    if (timer) clearInterval(timer);
    if (ask) clearInterval(ask);
    box.hidden = true;
  };
}
