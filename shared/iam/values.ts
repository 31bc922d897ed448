// Parsing of typed condition values: numbers, dates, booleans and IP addresses / CIDR blocks.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number, or undefined. Stricter than parseFloat: "12abc" is not a number. */
export function parseNumber(text: string): number | undefined {
  if (!numberPattern.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const isoDatePattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Milliseconds since the epoch for an AWS date value: W3C ISO 8601 (`2024-05-01`, `2024-05-01T12:00:00Z`)
 * or epoch seconds (`1714564800`; any all-digit value is epoch seconds). **Assumption**: an ISO time
 * without a zone is UTC.
 */
export function parseDate(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const match = isoDatePattern.exec(text);
  if (!match) return undefined;
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    fraction = '',
    zone = 'Z',
  ] = match;
  const values = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = values;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, Number(`0.${fraction || '0'}`) * 1000);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  return utc - zoneOffsetMinutes(zone) * 60_000;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** `true` / `false`, case-insensitively, else undefined. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

export interface IpRange {
  version: 4 | 6;
  bytes: Uint8Array;
  /** Prefix length in bits (32 / 128 for a single address). */
  prefix: number;
}

/** An IPv4 or IPv6 address, optionally with `/prefix`. */
export function parseIpRange(text: string, allowPrefix: boolean): IpRange | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const bytes = addressText.includes(':') ? parseIpv6(addressText) : parseIpv4(addressText);
  if (!bytes) return undefined;
  const version = bytes.length === 4 ? 4 : 6;
  const maximum = bytes.length * 8;
  if (slash < 0) return { version, bytes, prefix: maximum };
  if (!allowPrefix) return undefined;
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > maximum) return undefined;
  return { version, bytes, prefix };
}

function parseIpv4(text: string): Uint8Array | undefined {
  const pieces = text.split('.');
  if (pieces.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let index = 0; index < 4; index++) {
    const piece = pieces[index] ?? '';
    if (!/^\d{1,3}$/.test(piece)) return undefined;
    const value = Number(piece);
    if (value > 255) return undefined;
    bytes[index] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  if (text.length > 45) return undefined;
  const doubleColon = text.indexOf('::');
  if (doubleColon >= 0 && text.indexOf('::', doubleColon + 1) >= 0) return undefined;
  const head = doubleColon < 0 ? text : text.slice(0, doubleColon);
  const tail = doubleColon < 0 ? '' : text.slice(doubleColon + 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const words: number[] = [];
  const readGroups = (groups: string[], isLast: boolean): boolean => {
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index] ?? '';
      if (isLast && index === groups.length - 1 && group.includes('.')) {
        const v4 = parseIpv4(group);
        if (!v4) return false;
        words.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return false;
        words.push(parseInt(group, 16));
      }
    }
    return true;
  };
  if (!readGroups(headGroups, doubleColon < 0)) return undefined;
  const headWords = words.length;
  if (!readGroups(tailGroups, true)) return undefined;
  const tailWords = words.splice(headWords);
  const missing = 8 - headWords - tailWords.length;
  if (doubleColon < 0 ? missing !== 0 : missing < 1) return undefined;
  const all = [...words, ...new Array<number>(doubleColon < 0 ? 0 : missing).fill(0), ...tailWords];
  const bytes = new Uint8Array(16);
  all.forEach((word, index) => {
    bytes[index * 2] = word >> 8;
    bytes[index * 2 + 1] = word & 0xff;
  });
  return bytes;
}

/** Whether `address` (a single address) lies inside `range`. Different IP versions never match. */
export function ipInRange(address: IpRange, range: IpRange): boolean {
  if (address.version !== range.version) return false;
  let bits = range.prefix;
  for (let index = 0; bits > 0; index++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address.bytes[index] ?? 0) & mask) !== ((range.bytes[index] ?? 0) & mask)) return false;
  }
  return true;
}
