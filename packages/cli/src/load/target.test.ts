import { describe, expect, it } from 'vitest';
import { checkTarget, isLoopbackAddress } from './target.js';

const lookup = (map: Record<string, string[]>) => async (host: string) => map[host] ?? [];

describe('load target', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['localhost', false],
  ])('%s loopback: %s', (a, yes) => expect(isLoopbackAddress(a)).toBe(yes));

  it('accepts loopback endpoints, by address or by a name resolving only to loopback', async () => {
    const names = lookup({ localhost: ['127.0.0.1', '::1'], mixed: ['127.0.0.1', '10.1.1.1'] });
    await expect(checkTarget('http://127.0.0.1:4599', false, names)).resolves.toBeInstanceOf(URL);
    await expect(checkTarget('http://[::1]:4599', false, names)).resolves.toBeInstanceOf(URL);
    await expect(checkTarget('http://localhost:4599', false, names)).resolves.toBeInstanceOf(URL);
    await expect(checkTarget('http://mixed:4599', false, names)).rejects.toThrow(/--allow-remote/);
  });

  it('refuses other hosts unless told, and anything but http(s)', async () => {
    const names = lookup({ 'kms.example.com': ['203.0.113.9'] });
    await expect(checkTarget('https://kms.example.com', false, names)).rejects.toThrow(
      /not a loopback/,
    );
    await expect(checkTarget('https://kms.example.com', true, names)).resolves.toBeInstanceOf(URL);
    await expect(checkTarget('http://nowhere', false, names)).rejects.toThrow(/unresolved/);
    await expect(checkTarget('ftp://127.0.0.1', false, names)).rejects.toThrow(/http/);
    await expect(checkTarget('not a url', true, names)).rejects.toThrow(/not a URL/);
  });
});
