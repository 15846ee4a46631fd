import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from './io';
import { runCli } from './run';

interface Captured extends Io {
  stdout: () => string;
  stderr: () => string;
  interrupt: () => void;
}

function capture(): Captured {
  let out = '';
  let err = '';
  let interrupt = () => {};
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    interrupted,
    interrupt: () => interrupt(),
    stdout: () => out,
    stderr: () => err,
  };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'watchpost-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the watchpost command', () => {
  it('lists its commands with --help', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/Usage: watchpost <command>/);
    for (const command of ['demo', 'serve', 'search']) expect(io.stdout()).toContain(`  ${command}`);
  });

  it('prints help for each command', async () => {
    for (const command of ['demo', 'serve', 'search']) {
      const io = capture();
      expect(await runCli([command, '--help'], io)).toBe(0);
      expect(io.stdout()).toContain(`Usage: watchpost ${command}`);
    }
  });

  it('explains an unknown command in one line', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io)).toBe(1);
    expect(io.stderr()).toBe(
      "watchpost: there is no command 'frobnicate'. Commands: analyze, boundaries, demo, import, rollups, serve, search (see: watchpost --help)\n",
    );
  });

  it('explains an unknown flag and a bad number without a stack trace', async () => {
    const flag = capture();
    expect(await runCli(['demo', '--mentoins', '5'], flag)).toBe(1);
    expect(flag.stderr()).toMatch(/^watchpost: demo: unknown option '--mentoins'.*\(see: watchpost demo --help\)\n$/);
    const number = capture();
    expect(await runCli(['demo', '--mentions', 'lots'], number)).toBe(1);
    expect(number.stderr()).toBe("watchpost: demo: --mentions must be a whole number of at least 1, not 'lots'\n");
  });

  it('refuses a data folder it cannot write, in one line', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const io = capture();
    expect(await runCli(['demo', '--data', path.join(file, 'ws'), '--mentions', '10'], io)).toBe(1);
    expect(io.stderr()).toMatch(/^watchpost: the data folder .* cannot be created or written \(\w+\)\n$/);
  });

  it('asks for a workspace before searching one that does not exist', async () => {
    const io = capture();
    expect(await runCli(['search', 'storing', '--data', path.join(tempDir(), 'empty')], io)).toBe(1);
    expect(io.stderr()).toMatch(/there is no workspace in .*; create one with 'watchpost demo --data/);
  });

  it('generates a demo and finds its mentions with search --json', async () => {
    const data = tempDir();
    const demo = capture();
    expect(
      await runCli(['demo', '--data', data, '--mentions', '2000', '--years', '1', '--seed', '7', '--json'], demo),
    ).toBe(0);
    expect(JSON.parse(demo.stdout())).toMatchObject({ dataDir: data, mentions: 2000 });

    const mistake = capture();
    expect(await runCli(['search', 'storing AND', '--data', data], mistake)).toBe(1);
    expect(mistake.stderr()).toMatch(/^watchpost: column \d+: expected .+\n$/);

    const search = capture();
    expect(await runCli(['search', 'de', '--data', data, '--json', '--limit', '5'], search)).toBe(0);
    const result = JSON.parse(search.stdout());
    expect(result.total).toBeGreaterThan(0);
    expect(result.mentions.length).toBeLessThanOrEqual(5);
    for (const mention of result.mentions) {
      expect(mention).toEqual(
        expect.objectContaining({
          id: expect.any(Number),
          channel: expect.any(String),
          text: expect.stringMatching(/\bde\b/i),
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          author: expect.objectContaining({ handle: expect.any(String) }),
        }),
      );
      expect(mention).toHaveProperty('url');
    }
  });

  it('serves the API on 127.0.0.1 and stops cleanly when interrupted', async () => {
    const data = tempDir();
    const io = capture();
    const running = runCli(['serve', '--data', data, '--port', '0', '--demo', '--demo-mentions', '500'], io);
    let url: string | undefined;
    for (let i = 0; i < 300 && !url; i++) {
      url = io.stdout().match(/Watchpost is running at (http:\/\/127\.0\.0\.1:\d+) — open it in a browser/)?.[1];
      if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(url, io.stderr()).toBeDefined();
    const response = await fetch(`${url}/api/workspace.stats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { mentions: 500 } });
    io.interrupt();
    expect(await running).toBe(0);
  });

  it('explains a port in use and exits 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const io = capture();
    expect(await runCli(['serve', '--data', tempDir(), '--port', String(port)], io)).toBe(1);
    expect(io.stderr()).toBe(`watchpost: port ${port} on 127.0.0.1 is already in use; choose another with --port\n`);
    blocker.close();
  });
});
