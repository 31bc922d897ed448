// The building blocks under the operators: globs, IP ranges, dates, ARN segments.
import { describe, expect, it } from 'vitest';
import { ipInRange, parseDate, parseIpRange, parseNumber } from '../../../shared/iam/values';
import { compileGlob, globMatches } from '../../../shared/iam/wildcard';

describe('glob matching', () => {
  it.each([
    ['*', '', true],
    ['a*', 'a', true],
    ['a*b', 'aXYb', true],
    ['a*b', 'aXYbc', false],
    ['a*b*c', 'abbbc', true],
    ['*a*a*a*', 'aaa', true],
    ['*a*a*a*', 'aa', false],
    ['?', '', false],
    ['??', 'ab', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
  ])('%s against %s → %s', (pattern, text, expected) => {
    expect(globMatches(compileGlob(pattern), text)).toBe(expected);
  });
});

describe('IP ranges', () => {
  function contains(range: string, address: string): boolean {
    const parsedRange = parseIpRange(range, true);
    const parsedAddress = parseIpRange(address, false);
    if (!parsedRange || !parsedAddress) throw new Error(`unreadable ${range} or ${address}`);
    return ipInRange(parsedAddress, parsedRange);
  }

  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['192.168.1.128/25', '192.168.1.200', true],
    ['192.168.1.128/25', '192.168.1.100', false],
    ['::/0', '2001:db8::1', true],
    ['2001:db8::/32', '2001:0db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.77', true],
    ['fe80::1', 'fe80:0:0:0:0:0:0:1', true],
  ])('%s contains %s: %s', (range, address, expected) => {
    expect(contains(range, address)).toBe(expected);
  });

  it.each(['256.0.0.1', '10.0.0', '10.0.0.0/33', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'abc', '::/129'])(
    'rejects %s',
    (text) => {
      expect(parseIpRange(text, true)).toBeUndefined();
    },
  );

  it('refuses a prefix where a single address is expected', () => {
    expect(parseIpRange('10.0.0.1/32', false)).toBeUndefined();
  });
});

describe('dates and numbers', () => {
  it('reads ISO 8601 with zones and epoch seconds as the same instant', () => {
    expect(parseDate('2024-06-01T12:00:00Z')).toBe(Date.UTC(2024, 5, 1, 12));
    expect(parseDate('2024-06-01T14:00:00+02:00')).toBe(Date.UTC(2024, 5, 1, 12));
    expect(parseDate('1717243200')).toBe(Date.UTC(2024, 5, 1, 12));
    expect(parseDate('2024-06-01')).toBe(Date.UTC(2024, 5, 1));
    expect(parseDate('2024-06-01T12:00:00.500Z')).toBe(Date.UTC(2024, 5, 1, 12, 0, 0, 500));
  });

  it.each(['2024-02-30', '2024-13-01', 'June 1st', '', '2024-06-01T25:00:00Z'])(
    'rejects the date %j',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );

  it('reads decimal numbers strictly', () => {
    expect(parseNumber('-1.5')).toBe(-1.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('12abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('0x10')).toBeUndefined();
  });
});
