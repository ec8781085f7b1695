import { describe, expect, it } from 'vitest';
import { runBote } from '../helpers/run-bote.js';
import { runInProcess } from '../helpers/in-process.js';

describe('the CLI in process', () => {
  it('prints what the built binary prints, byte for byte', async () => {
    const args = ['estimate', 'twitter', '--json'];
    const inProcess = await runInProcess(args);
    const spawned = runBote(args);
    expect(inProcess).toEqual({ code: spawned.code, stdout: spawned.stdout, stderr: spawned.stderr });
  });

  it('returns the exit code of bad input and bad usage', async () => {
    expect((await runInProcess(['estimate', 'no-such-scenario'])).code).toBe(1);
    expect((await runInProcess(['estimate', 'twitter', '--set', 'dau'])).code).toBe(2);
  });
});
