/**
 * The `backorder-desk` bin, as built into dist/cli/ and run by a shell: a reader that goes away early
 * (`| head`) leaves the command's exit code alone and prints no stack trace; and the packages bundled
 * into it work there, nodemailer (loaded by the first send) included, against a real SMTP server on
 * loopback.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliWith, tempDir } from '../support/cli';
import { startSmtp } from '../support/smtp';

async function bin(args: readonly string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const child = spawn('node', [BIN, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stdout, stderr };
}

describe('backorder-desk bin', () => {
  it('keeps its exit code and stays quiet when the reader of its output goes away', async () => {
    const child = spawn('node', [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('sends a customer notice by SMTP from the built bundle', async () => {
    const smtp = await startSmtp();
    try {
      const dir = tempDir();
      const env = { BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_ACTOR: 'tester' };
      writeFileSync(
        join(dir, 'inventory.csv'),
        'SKU,Warehouse,Product,OnHand\nCASE-1,MAIN,Cases of tile,2\n',
      );
      writeFileSync(
        join(dir, 'orders.csv'),
        'OrderID,Line,OrderDate,Customer,SKU,Qty,CustomerEmail\nSO-1,1,2026-11-20,Harbor Builders,CASE-1,5,buyer@harbor.example\n',
      );
      writeFileSync(join(dir, 'settings.csv'), 'Key,Value\nNotifyFrom,2026-11-01\n');
      const w = ['--workbook', 'shop.json'];
      expect((await cliWith(env, dir, 'init', ...w)).code).toBe(0);
      for (const [tab, csv] of [
        ['Inventory', 'inventory.csv'],
        ['Orders', 'orders.csv'],
        ['Settings', 'settings.csv'],
      ] as const)
        expect((await cliWith(env, dir, 'import', ...w, '--tab', tab, '--csv', csv)).code).toBe(0);
      expect((await cliWith(env, dir, 'do', 'allocate', ...w)).code).toBe(0);
      const sent = await bin(
        ['notify', ...w],
        {
          ...env,
          BACKORDER_DESK_SMTP_URL: smtp.url,
          BACKORDER_DESK_MAIL_FROM: 'Backorder Desk <desk@shop.example>',
          BACKORDER_DESK_MAIL_PACE_MS: '0',
        },
        dir,
      );
      expect(sent).toMatchObject({ code: 0, stderr: '' });
      expect(sent.stdout).toContain('1 notice(s) sent, 0 not sent');
      expect(smtp.received.map((m) => m.to)).toEqual(['buyer@harbor.example']);
    } finally {
      await smtp.close();
    }
  });
});
