import { isIP } from 'node:net';

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(a) === 4) return a.startsWith('127.');
  if (isIP(a) === 6) return a === '::1' || a.startsWith('::ffff:127.');
  return false;
}

/** Resolves a host name to its addresses (dns.lookup with all: true in the command). */
export type Lookup = (host: string) => Promise<string[]>;

/**
 * Checks the endpoint the tool is about to load: http(s) only, and unless
 * `allowRemote`, every address the host resolves to must be loopback, so
 * that a typo cannot aim a load test at someone else's service.
 */
export async function checkTarget(
  endpoint: string,
  allowRemote: boolean,
  lookup: Lookup,
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`'${endpoint}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`'${endpoint}' is not an http(s) URL`);
  if (allowRemote) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await lookup(host);
  if (addresses.length === 0 || !addresses.every(isLoopbackAddress)) {
    throw new Error(
      `refusing to load ${url.host}: not a loopback address (${addresses.join(', ') || 'unresolved'}); pass --allow-remote to load it anyway`,
    );
  }
  return url;
}
