import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../shared/model/json-syntax-error';
import { countParsedKeys, findDuplicateKey } from '../../../shared/model/json-duplicate-keys';
import {
  findExcessiveNesting,
  fitsUtf8,
  parseJsonText,
  positionAt,
  scanJsonText,
  utf8ByteLength,
} from '../../../shared/model/json-text';
import { isOidcIssuerKey, isPolicyArn, isRoleArn, isSamlProviderArn } from '../../../shared/model/limits';
import { formatPath } from '../../../shared/model/paths';

describe('formatPath', () => {
  it('writes indexes in brackets, identifiers with dots and other keys quoted', () => {
    expect(formatPath(['identityPools', 0, 'roleMappings', 1, 'rules', 3, 'claim'])).toBe(
      '$.identityPools[0].roleMappings[1].rules[3].claim',
    );
    expect(formatPath(['roles', 0, 'tags', 'aws:x'])).toBe('$.roles[0].tags["aws:x"]');
    expect(formatPath(['layout', 'positions', 'role-1'])).toBe('$.layout.positions["role-1"]');
    expect(formatPath([])).toBe('$');
  });
});

describe('utf8ByteLength', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
    // A lone surrogate is encoded as the 3-byte replacement character.
    expect(utf8ByteLength('\uD800')).toBe(3);
  });

  it('stops counting once past the limit', () => {
    expect(utf8ByteLength('x'.repeat(1000), 10)).toBe(11);
  });
});

describe('fitsUtf8', () => {
  it('agrees with the UTF-8 encoder at and around the limit', () => {
    expect(fitsUtf8('€'.repeat(10), 30)).toBe(true);
    expect(fitsUtf8('€'.repeat(10), 29)).toBe(false);
    expect(fitsUtf8(`${'x'.repeat(8)}😀`, 12)).toBe(true);
    expect(fitsUtf8(`${'x'.repeat(9)}😀`, 12)).toBe(false);
    expect(fitsUtf8('x'.repeat(13), 12)).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(200), (text, limit) => {
        expect(fitsUtf8(text, limit)).toBe(Buffer.byteLength(text, 'utf8') <= limit);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('positionAt and nesting', () => {
  it('gives 1-based line and column', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('finds the first opening beyond the depth limit and skips strings', () => {
    expect(findExcessiveNesting('[[[]]]', 3)).toBe(-1);
    expect(findExcessiveNesting('[[[[]]]]', 3)).toBe(3);
    expect(findExcessiveNesting('["[[[[[[", "\\"[[[["]', 2)).toBe(-1);
    // An escaped backslash ends right before the quote that closes the string.
    expect(findExcessiveNesting('["a\\\\", [[[1]]]]', 3)).toBe(10);
    // An unterminated string hides the rest of the text, valid JSON or not.
    expect(findExcessiveNesting('["[[[[[[', 2)).toBe(-1);
  });

  it('finds a duplicate key in an object of many keys, with its path and offset', () => {
    const keys = Array.from({ length: 2000 }, (_, index) => `"role-${index}": {"x": ${index}}`);
    const text = `{"layout": {"positions": {${keys.join(', ')}, "role-1500": {}}}, "after": {"a": 1, "a": 2}}`;
    const duplicate = findDuplicateKey(text);
    expect(duplicate).toEqual({
      key: 'role-1500',
      offset: text.indexOf('"role-1500": {}'),
      path: '$.layout.positions',
    });
    // Without it the scan goes on to the next object.
    const next = findDuplicateKey(text.replace(', "role-1500": {}', ''));
    expect(next).toMatchObject({ key: 'a', path: '$.after' });
    expect(
      findDuplicateKey(text.replace(', "role-1500": {}', '').replace('"a": 2', '"b": 2')),
    ).toBeUndefined();
  });

  it('scans for depth exactly as findExcessiveNesting does, on any text', () => {
    for (const [text, depth] of [
      ['[[[]]]', 3],
      ['[[[[]]]]', 3],
      ['["[[[[[[", "\\"[[[["]', 2],
      ['["a\\\\", [[[1]]]]', 3],
      ['["[[[[[[', 2],
    ] as const)
      expect(scanJsonText(text, depth).tooDeepAt).toBe(findExcessiveNesting(text, depth));
    const bits = fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', 'a', ' ');
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 40 }), fc.nat(6), (parts, depth) => {
        const text = parts.join('');
        expect(scanJsonText(text, depth).tooDeepAt).toBe(findExcessiveNesting(text, depth));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts the keys written in JSON text, not strings in other places', () => {
    const text = '{"a": "x,{\\"b\\": 1}", "c": [{"d": ["e", {"f": {}}]}, "g"], "h": {"a": 1}}';
    expect(scanJsonText(text, 100).keys).toBe(6);
    expect(countParsedKeys(JSON.parse(text))).toBe(6);
    // A key written twice is counted twice in the text and once in the parsed value.
    const twice = '{"a": {"k": 1, "\\u006b": 2}}';
    expect(scanJsonText(twice, 100).keys).toBe(3);
    expect(countParsedKeys(JSON.parse(twice))).toBe(2);
  });

  it('reports duplicate keys alike whether or not the written keys are counted first', () => {
    // Small key alphabets (one of them escaped) make repeated keys likely.
    const key = fc.constantFrom('"a"', '"b"', '"\\u0061"', '"a,b"', '"{"');
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('1', 'null', '"s"', '"x\\"{"'),
        fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
        fc
          .array(fc.tuple(key, tie('value')), { maxLength: 4 })
          .map((members) => `{${members.map(([name, item]) => `${name}: ${item}`).join(', ')}}`),
      ),
    })).value;
    fc.assert(
      fc.property(json, (text) => {
        expect(parseJsonText(text, scanJsonText(text, 100).keys)).toEqual(parseJsonText(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('parses JSON or returns a located reason', () => {
    expect(parseJsonText('{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
    const failure = parseJsonText('{"a": [1,]}');
    expect(failure.ok).toBe(false);
    expect(!failure.ok && failure.position).toEqual({ line: 1, column: 10 });
  });
});

describe('ARN and key formats', () => {
  it('recognises role ARNs', () => {
    expect(isRoleArn('arn:aws:iam::111122223333:role/Admin')).toBe(true);
    expect(isRoleArn('arn:aws:iam::111122223333:role/app/team/Admin')).toBe(true);
    expect(isRoleArn('arn:aws-cn:iam::111122223333:role/Admin')).toBe(true);
    expect(isRoleArn('arn:aws:iam::11112222333:role/Admin')).toBe(false);
    expect(isRoleArn('arn:aws:iam::111122223333:user/Admin')).toBe(false);
    expect(isRoleArn('arn:aws:iam::111122223333:role/Ad min')).toBe(false);
    expect(isRoleArn(`arn:aws:iam::111122223333:role/${'a'.repeat(65)}`)).toBe(false);
  });

  it('recognises customer and AWS managed policy ARNs', () => {
    expect(isPolicyArn('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe(true);
    expect(isPolicyArn('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')).toBe(true);
    expect(isPolicyArn('arn:aws:iam::111122223333:policy/app/Shared')).toBe(true);
    expect(isPolicyArn('arn:aws:iam::111122223333:role/Shared')).toBe(false);
    expect(isPolicyArn('arn:aws:s3:::bucket')).toBe(false);
  });

  it('recognises SAML provider ARNs', () => {
    expect(isSamlProviderArn('arn:aws:iam::111122223333:saml-provider/AcmeCorpOkta')).toBe(true);
    expect(isSamlProviderArn('arn:aws:iam::111122223333:saml-provider/a/b')).toBe(false);
    expect(isSamlProviderArn('arn:aws:iam::111122223333:oidc-provider/example.com')).toBe(false);
  });

  it('recognises OIDC issuer keys without scheme', () => {
    expect(isOidcIssuerKey('login.microsoftonline.com/5e2b7c41/v2.0')).toBe(true);
    expect(isOidcIssuerKey('idp.example.com:8443')).toBe(true);
    expect(isOidcIssuerKey('https://idp.example.com')).toBe(false);
    expect(isOidcIssuerKey('idp example.com')).toBe(false);
  });

  // A pattern with catastrophic backtracking would not return here before the test time-out.
  it('answers on huge inputs', () => {
    const huge = `arn:aws:iam::111122223333:policy/${'a/'.repeat(500_000)}x`;
    expect(isPolicyArn(huge)).toBe(false);
    expect(isOidcIssuerKey('a'.repeat(1_000_000))).toBe(false);
  });
});

describe('findJsonSyntaxError', () => {
  function engineAccepts(text: string): boolean {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  it('finds no error in valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonSyntaxError(text)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with JSON.parse on near-JSON text', () => {
    const jsonish = fc
      .array(
        fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '"',
          '\\',
          'u',
          '0',
          '1',
          '-',
          '.',
          'e',
          'true',
          'null',
          ' ',
          '\n',
          'a',
          '"k"',
          '\u0001',
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    const mutatedJson = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\'))
      .map(([text, at, insert]) => {
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + 1);
      });
    fc.assert(
      fc.property(fc.oneof(jsonish, mutatedJson), (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(engineAccepts(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the offending character', () => {
    expect(findJsonSyntaxError('{"a": [1,]}')).toEqual({ offset: 9, reason: 'expected a value' });
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({
      offset: 5,
      reason: 'expected `:` after the property name',
    });
    expect(findJsonSyntaxError('{"a": "x')).toEqual({ offset: 8, reason: 'unterminated string' });
    expect(findJsonSyntaxError("{'a': 1}")).toEqual({
      offset: 1,
      reason: 'expected a property name in double quotes',
    });
    expect(findJsonSyntaxError('[01]')).toEqual({ offset: 2, reason: 'expected `,` or `]` after an item' });
    expect(findJsonSyntaxError('"\\x"')?.reason).toBe('invalid escape sequence in a string');
  });
});
