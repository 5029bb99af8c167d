/**
 * The playground's page asks for the tab it shows every few seconds with the version it has: an
 * unchanged tab is answered in a few bytes, and a change (here an action through the sidebar's
 * server call, over real HTTP) is answered with the whole tab and a new version.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Playground } from '../../playground/server';
// @ts-expect-error: the build script is plain JavaScript.
import { buildPlayground } from '../../scripts/build.mjs';
import { builtAddon, openDesk, typeWorkedExample } from '../support/addon';

describe('the playground refreshes a tab only when it changed', () => {
  it('answers "unchanged" to the version the page has, and the new tab after an action', async () => {
    await builtAddon();
    const desk = await openDesk({ now: () => Date.now() });
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    const playground = await Playground.open({
      twin: desk.twin,
      dist: join(__dirname, '../../addon/dist'),
      page: await buildPlayground(),
      save: async () => undefined,
    });
    const { url } = await playground.listen(0);
    const sheet = async (since?: string) => {
      const r = await fetch(`${url}api/sheet/Log${since ? `?since=${encodeURIComponent(since)}` : ''}`);
      return {
        bytes: Number(r.headers.get('content-length') ?? 0),
        body: (await r.json()) as Record<string, unknown>,
      };
    };
    try {
      const first = await sheet();
      const version = String(first.body.version);
      expect(first.body.values).toBeDefined();
      const again = await sheet(version);
      expect(again.body).toEqual({ unchanged: true, version });
      expect(JSON.stringify(again.body).length).toBeLessThan(100);

      const r = await fetch(`${url}rpc/sidebarAction`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { command: { action: 'allocate', orderId: 'SO-1' }, requestId: 'refresh-0001', attempt: 1 },
          null,
        ]),
      });
      expect(((await r.json()) as { error?: string }).error).toBeUndefined();
      const after = await sheet(version);
      expect(after.body.version).not.toBe(version);
      expect((after.body.values as unknown[]).length).toBe((first.body.values as unknown[]).length + 1);
    } finally {
      await playground.close();
    }
  });
});
