/**
 * The `backorder-desk` bin as a shell pipeline runs it: a reader that goes away early (`| head`)
 * leaves the command's exit code alone and prints no stack trace.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';

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
});
