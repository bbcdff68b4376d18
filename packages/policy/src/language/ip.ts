/** An IP address as a number, with its family. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** A CIDR block; a bare address is a /32 or /128. */
export interface CidrBlock extends IpAddress {
  readonly prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): bigint[] | undefined => {
    if (half === undefined || half === '') return [];
    const out: bigint[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes('.')) {
        // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
        const v4 = parseIpv4(part);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
        out.push(BigInt(parseInt(part, 16)));
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (head === undefined || tail === undefined) return undefined;
  const compressed = halves.length === 2;
  const missing = 8 - head.length - tail.length;
  if (compressed ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/** Parses an IPv4 or IPv6 address; IPv4-mapped IPv6 addresses become IPv4. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 ^ V4_MAPPED_PREFIX };
  return { family: 6, value: v6 };
}

/** Parses `addr/prefix` or a bare address. */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const address = parseIp(addressText);
  if (address === undefined) return undefined;
  const bits = address.family === 4 ? 32 : 128;
  if (slash === -1) return { ...address, prefix: bits };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  let prefix = Number(prefixText);
  // An IPv4-mapped block written as IPv6 (::ffff:10.0.0.0/104) counts its prefix over 128 bits.
  if (address.family === 4 && addressText.includes(':')) prefix -= 96;
  if (prefix < 0 || prefix > bits) return undefined;
  return { ...address, prefix };
}

/** True when `ip` lies inside `block`. */
export function cidrContains(block: CidrBlock, ip: IpAddress): boolean {
  if (block.family !== ip.family) return false;
  const shift = BigInt((block.family === 4 ? 32 : 128) - block.prefix);
  return block.value >> shift === ip.value >> shift;
}
