/**
 * A customer's backorder, told by e-mail from start to end, through the CLI and a real SMTP server on
 * loopback: created (what waits, why, when, the alternatives) → a vendor's date slips (old → new) →
 * received and fulfilled with a carrier and tracking number (shipped, with the estimate) → a week on,
 * the status of a backorder still open and the follow-up after delivery → a second run sends nothing.
 * Then what can go wrong: a refused recipient, a connection lost after the body (never sent again),
 * an address that is not one, a template with a hole, and the password kept out of every output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWith, tempDir } from '../support/cli';
import { SMTP_PASS, startSmtp, type TestSmtp } from '../support/smtp';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());

const w = ['--workbook', 'shop.json'];
const env = (today: string) => ({
  BACKORDER_DESK_TODAY: today,
  BACKORDER_DESK_SMTP_URL: smtp.url,
  BACKORDER_DESK_MAIL_FROM: 'Backorder Desk <desk@shop.example>',
  BACKORDER_DESK_MAIL_PACE_MS: '0',
});
const run = (dir: string, today: string, ...argv: string[]) => cliWith(env(today), dir, ...argv);

type Row = Record<string, string | number>;
const tab = async (dir: string, name: string) =>
  JSON.parse(
    (await run(dir, '2026-11-23', 'export', ...w, '--tab', name, '--format', 'json')).stdout,
  ) as Row[];

async function shop(orders: string): Promise<string> {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'inventory.csv'),
    'SKU,Warehouse,Product,OnHand,LeadTimeDays\nCASE-1,MAIN,Cases of tile,15,10\nGROUT-2,MAIN,Grout,0,14\n',
  );
  writeFileSync(join(dir, 'orders.csv'), orders);
  writeFileSync(
    join(dir, 'pos.csv'),
    'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\nPO-1,1,Acme Supply,CASE-1,10,MAIN,2026-12-01\n',
  );
  writeFileSync(join(dir, 'settings.csv'), 'Key,Value\nNotifyFrom,2026-11-01\n');
  expect((await run(dir, '2026-11-23', 'init', ...w)).code).toBe(0);
  for (const [t, f] of [
    ['Inventory', 'inventory.csv'],
    ['Orders', 'orders.csv'],
    ['POs', 'pos.csv'],
    ['Settings', 'settings.csv'],
  ])
    expect(
      await run(dir, '2026-11-23', 'import', ...w, '--tab', t as string, '--csv', f as string),
    ).toMatchObject({
      code: 0,
      stderr: '',
    });
  return dir;
}

const ORDERS =
  'OrderID,Line,OrderDate,Customer,SalesRep,SKU,Qty,UnitPrice,CustomerEmail\n' +
  'SO-1,1,2026-11-20,Harbor Builders,Dana,CASE-1,20,12.50,buyer@harbor.example\n' +
  'SO-2,1,2026-11-21,Oak Tavern,Sam,GROUT-2,4,9.00,\n';

/** No problem in the workbook (alerts, such as formula cells the CLI leaves blank, are not problems). */
async function checkClean(dir: string, today: string) {
  const check = await run(dir, today, 'check', ...w);
  expect(check.code).toBe(0);
  expect(check.stdout.split('\n')[0]).toBe('workbook OK: every tab, column and balance checks out');
  expect(check.stdout).not.toContain('problem:');
}

describe('customers hear from us, once per change', () => {
  it('walks a backorder from created to delivered, and a second run sends nothing', async () => {
    // Oak Tavern's address is on its Settings row, not on the order.
    const dir = await shop(ORDERS);
    writeFileSync(join(dir, 'oak.csv'), 'Key,Value\nCustomer: Oak Tavern,"VIP, orders@oak.example"\n');
    expect((await run(dir, '2026-11-23', 'import', ...w, '--tab', 'Settings', '--csv', 'oak.csv')).code).toBe(
      0,
    );
    expect((await run(dir, '2026-11-23', 'do', 'allocate', ...w)).code).toBe(0);
    expect((await run(dir, '2026-11-23', 'do', 'ship', ...w, '--order', 'SO-1')).code).toBe(0);

    const dry = await run(dir, '2026-11-23', 'notify', ...w, '--dry-run');
    expect(dry.stdout).toContain('would send: created BO-000001 → buyer@harbor.example');
    expect(dry.stdout).toContain('would send: created BO-000002 → orders@oak.example');
    expect(smtp.received).toHaveLength(0);

    const first = await run(dir, '2026-11-23', 'notify', ...w);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('2 notice(s) sent, 0 not sent');
    const harbor = smtp.received.find((m) => m.to === 'buyer@harbor.example');
    expect(harbor).toMatchObject({
      from: 'desk@shop.example',
      subject: 'Backorder BO-000001: Cases of tile for order SO-1',
    });
    expect(harbor?.text).toBe(
      "Dear Harbor Builders, we are sorry: 5 × Cases of tile (CASE-1) on order SO-1 is on backorder (Insufficient stock). We expect it by 2026-12-01 (our supplier's date for PO-1). Your price of 12.50 USD is locked in. You can wait, take a substitute, or cancel this part of the order: reply to this message and Dana will arrange it.",
    );
    await checkClean(dir, '2026-11-23');

    // The vendor moves its date: the customer hears old → new, once.
    expect(
      (
        await run(
          dir,
          '2026-11-24',
          'do',
          'change-po',
          ...w,
          '--po',
          'PO-1',
          '--line',
          '1',
          '--date',
          '2026-12-08',
        )
      ).code,
    ).toBe(0);
    const slip = await run(dir, '2026-11-24', 'notify', ...w, '--json');
    expect(JSON.parse(slip.stdout).sent).toEqual([
      expect.objectContaining({ kind: 'rescheduled', backorderId: 'BO-000001', to: 'buyer@harbor.example' }),
    ]);
    expect(smtp.received[2]?.subject).toBe('New date for backorder BO-000001: 2026-12-08');
    expect(smtp.received[2]?.text).toContain('now expected by 2026-12-08 instead of 2026-12-01');
    await checkClean(dir, '2026-11-24');

    // Received and fulfilled with the carrier and the tracking number.
    expect((await run(dir, '2026-11-26', 'do', 'receive', ...w, '--po', 'PO-1')).code).toBe(0);
    expect(
      (
        await run(
          dir,
          '2026-11-26',
          'do',
          'fulfill',
          ...w,
          '--backorder',
          'BO-000001',
          '--carrier',
          'UPS',
          '--tracking',
          '1Z999AA1',
        )
      ).code,
    ).toBe(0);
    expect((await run(dir, '2026-11-26', 'notify', ...w)).stdout).toContain('1 notice(s) sent');
    const shipped = smtp.received[3];
    expect(shipped?.subject).toBe('Shipped: 5 × Cases of tile for order SO-1');
    expect(shipped?.text).toBe(
      'Dear Harbor Builders, 5 × Cases of tile (CASE-1) for order SO-1 shipped on 2026-11-26. Carrier UPS, tracking number 1Z999AA1. Expected delivery: 2026-11-29. This completes backorder BO-000001.',
    );
    await checkClean(dir, '2026-11-26');

    // A week after the first message: Oak Tavern's backorder still waits; Harbor's has arrived.
    const week = await run(dir, '2026-11-30', 'notify', ...w, '--json');
    expect(
      JSON.parse(week.stdout).sent.map(
        (s: { kind: string; backorderId: string }) => `${s.kind} ${s.backorderId}`,
      ),
    ).toEqual(['delivered BO-000001', 'status BO-000002']);
    expect(
      smtp.received.find((m) => m.subject === 'Status of backorder BO-000002 (order SO-2)')?.text,
    ).toContain('has waited 7 days and is expected by 2026-12-07');
    await checkClean(dir, '2026-11-30');

    const again = await run(dir, '2026-11-30', 'notify', ...w);
    expect(again.stdout).toContain('0 notice(s) sent, 0 not sent');
    expect(smtp.received).toHaveLength(6);

    // Every message is a contact on Calls, and the history holds every notice, Sent.
    const calls = (await tab(dir, 'Calls')).filter((c) => c.Method === 'Email');
    expect(calls.map((c) => c.Summary)).toEqual(smtp.received.map((m) => m.subject));
    expect((await tab(dir, 'Notifications')).map((n) => `${n.Kind} ${n.Status}`)).toEqual([
      'created Sent',
      'created Sent',
      'rescheduled Sent',
      'shipped Sent',
      'delivered Sent',
      'status Sent',
    ]);
    const log = (await tab(dir, 'Log')).map((l) => l.Action);
    // A run with nothing to send writes nothing, not even a Log row.
    expect(log.filter((a) => a === 'notify-begin')).toHaveLength(4);
    expect(log.filter((a) => a === 'notify-settle')).toHaveLength(4);
  });
});

describe('what can go wrong with a notice', () => {
  it('a refused recipient is Failed and wants a call; the others go; a lost answer is never sent again', async () => {
    const dir = await shop(
      'OrderID,Line,OrderDate,Customer,SalesRep,SKU,Qty,UnitPrice,CustomerEmail\n' +
        'SO-1,1,2026-11-20,Harbor Builders,Dana,GROUT-2,2,9.00,gone@harbor.example\n' +
        'SO-2,1,2026-11-21,Oak Tavern,Dana,GROUT-2,3,9.00,orders@oak.example\n' +
        'SO-3,1,2026-11-21,Pine Deli,Sam,GROUT-2,1,9.00,deli@pine.example\n',
    );
    expect((await run(dir, '2026-11-23', 'do', 'allocate', ...w)).code).toBe(0);
    const before = smtp.received.length;
    smtp.refuse.add('gone@harbor.example');
    const refused = await run(dir, '2026-11-23', 'notify', ...w);
    smtp.refuse.clear();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('not sent (failed): NT-000001 → gone@harbor.example');
    expect(refused.stdout).toContain('2 notice(s) sent, 1 not sent');
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual(['orders@oak.example', 'deli@pine.example']);

    // The connection drops after the body: the server has it, the desk cannot know. Unconfirmed, and
    // never sent again by itself.
    expect(
      (
        await run(
          dir,
          '2026-11-24',
          'do',
          'reschedule',
          ...w,
          '--backorder',
          'BO-000002',
          '--date',
          '2026-12-20',
          '--reason',
          'mill closed',
        )
      ).code,
    ).toBe(0);
    smtp.dropAfterData = true;
    const lost = await run(dir, '2026-11-25', 'notify', ...w, '--json');
    expect(lost.code).toBe(1);
    expect(JSON.parse(lost.stdout).failed).toEqual([
      expect.objectContaining({ noticeId: 'NT-000004', outcome: 'unknown' }),
    ]);
    const count = smtp.received.length;
    expect((await run(dir, '2026-11-25', 'notify', ...w)).stdout).toContain('0 notice(s) sent, 0 not sent');
    expect(smtp.received.length).toBe(count);
    expect((await tab(dir, 'Notifications')).map((n) => `${n.NoticeID} ${n.Status}`)).toEqual([
      'NT-000001 Failed',
      'NT-000002 Sent',
      'NT-000003 Sent',
      'NT-000004 Unconfirmed',
    ]);

    // Both land on Dana's list for today; a logged call is what clears one.
    const list = await run(dir, '2026-11-25', 'follow-ups', ...w, '--rep', 'dana');
    expect(list.stdout).toContain(
      'BO-000001  Harbor Builders  SO-1  e-mail "Backorder BO-000001: Grout for order SO-1" to gone@harbor.example failed',
    );
    expect(list.stdout).toContain(
      'BO-000002  Oak Tavern  SO-2  e-mail "New date for backorder BO-000002: 2026-12-20" to orders@oak.example may not have gone',
    );
    expect(list.stdout).not.toContain('Pine Deli');
    expect(
      (
        await run(
          dir,
          '2026-11-25',
          'do',
          'log-call',
          ...w,
          '--backorder',
          'BO-000001',
          '--note',
          'new address given by phone',
        )
      ).code,
    ).toBe(0);
    const after = await run(dir, '2026-11-25', 'follow-ups', ...w, '--rep', 'Dana', '--json');
    expect(JSON.parse(after.stdout).items.map((i: { backorderId: string }) => i.backorderId)).toEqual([
      'BO-000002',
    ]);
    await checkClean(dir, '2026-11-25');
  });

  it('an unreachable server or a refused login sends nothing, records nothing as sent, and the next run sends', async () => {
    const dir = await shop(ORDERS);
    expect((await run(dir, '2026-11-23', 'do', 'allocate', ...w)).code).toBe(0);
    const badLogin = await cliWith(
      { ...env('2026-11-23'), BACKORDER_DESK_SMTP_URL: smtp.url.replace(SMTP_PASS, 'wrong-Pa55') },
      dir,
      'notify',
      ...w,
    );
    expect(badLogin.code).toBe(1);
    expect(badLogin.stdout).toContain('not sent (retry)');
    const down = await cliWith(
      { ...env('2026-11-23'), BACKORDER_DESK_SMTP_URL: 'smtp://desk:s3cret-Pa55@127.0.0.1:9' },
      dir,
      'notify',
      ...w,
    );
    expect(down.code).toBe(1);
    for (const out of [badLogin, down]) {
      expect(out.stdout + out.stderr).not.toContain(SMTP_PASS);
      expect(out.stdout + out.stderr).not.toContain('wrong-Pa55');
    }
    const before = smtp.received.length;
    const ok = await run(dir, '2026-11-23', 'notify', ...w);
    expect(ok.stdout).toContain('1 notice(s) sent');
    expect(smtp.received.length).toBe(before + 1);
    // Oak Tavern has no address: the rep is told to call.
    expect(ok.stdout).toContain('no e-mail address (call instead): BO-000002');
    const log = JSON.stringify(await tab(dir, 'Log'));
    expect(log).not.toContain(SMTP_PASS);
  });

  it('refuses an address that is not one and a template with a hole, naming the cell', async () => {
    const dir = await shop(ORDERS);
    writeFileSync(
      join(dir, 'bad.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,CustomerEmail\nSO-9,1,2026-11-22,Elm Cafe,CASE-1,1,elm-at-cafe\n',
    );
    const imported = await run(dir, '2026-11-23', 'import', ...w, '--tab', 'Orders', '--csv', 'bad.csv');
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(
      'bad.csv row 2: CustomerEmail must be an address like name@example.com',
    );
    writeFileSync(
      join(dir, 'hole.csv'),
      'Key,Value\nTemplateShipped,"Dear {customer}, shipped via {carier}."\n',
    );
    expect(
      (await run(dir, '2026-11-23', 'import', ...w, '--tab', 'Settings', '--csv', 'hole.csv')).code,
    ).toBe(0);
    const check = await run(dir, '2026-11-23', 'check', ...w);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /problem: Settings!B\d+: TemplateShipped uses \{carier\}, which no notice fills/,
    );
    const notify = await run(dir, '2026-11-23', 'notify', ...w);
    expect(notify.code).toBe(1);
    expect(notify.stderr).toMatch(/TemplateShipped uses \{carier\}/);
  });
});

describe('sync --notify', () => {
  it('tells the customers whose date the vendor feed moved, in the same run', async () => {
    const dir = await shop(ORDERS);
    expect((await run(dir, '2026-11-23', 'do', 'allocate', ...w)).code).toBe(0);
    expect((await run(dir, '2026-11-23', 'notify', ...w)).code).toBe(0);
    writeFileSync(join(dir, 'acme.csv'), 'PO,Line,ETA,Note\nPO-1,1,2026-12-09,port congestion\n');
    writeFileSync(
      join(dir, 'feeds.json'),
      JSON.stringify({
        vendors: [
          {
            vendor: 'Acme Supply',
            source: { file: 'acme.csv' },
            format: 'csv',
            mapping: { po: 'PO', line: 'Line', eta: 'ETA', note: 'Note' },
          },
        ],
      }),
    );
    const before = smtp.received.length;
    const sync = await run(dir, '2026-11-24', 'sync', ...w, '--feeds', 'feeds.json', '--notify');
    expect(sync).toMatchObject({ code: 0, stderr: '' });
    expect(sync.stdout).toContain('notify shop.json: 1 notice(s) sent, 0 not sent');
    const told = smtp.received.slice(before);
    expect(told.map((m) => m.subject)).toEqual(['New date for backorder BO-000001: 2026-12-09']);
    expect(told[0]?.text).toContain('now expected by 2026-12-09 instead of 2026-12-01: port congestion');
    expect(told[0]?.text).not.toContain('Acme');
    await checkClean(dir, '2026-11-24');
  });
});
