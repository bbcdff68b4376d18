import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp } from './ip.js';

describe('IP addresses', () => {
  it.each([
    ['192.0.2.1', 4, 0xc0000201n],
    ['::1', 6, 1n],
    ['2001:db8::', 6, 0x20010db8n << 96n],
    ['::ffff:192.0.2.1', 4, 0xc0000201n],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
  ])('parses %s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });

  it.each([
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    'g::1',
    '',
    'localhost',
  ])('rejects %s', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  it.each([
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::', false],
    ['::/0', '::1', true],
    ['::ffff:10.0.0.0/104', '10.9.9.9', true],
    ['10.0.0.0/8', '::ffff:10.0.0.1', true],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    const block = parseCidr(cidr);
    const address = parseIp(ip);
    expect(block && address && cidrContains(block, address)).toBe(expected);
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/x'])('rejects the block %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});
