import { describe, expect, it } from 'vitest';
import { sameProviderRef } from '../../../shared/model/keys';
import type { ProviderRef } from '../../../shared/model/types';
import {
  keyValueLines,
  parseKeyValueLines,
  removeAt,
  replaceAt,
  toggled,
} from '../../../src-renderer/inspector/list-edits';

describe('list edits', () => {
  it('replaces and removes by position without touching the input', () => {
    const list = ['a', 'b', 'c'];
    expect(replaceAt(list, 1, 'B')).toEqual(['a', 'B', 'c']);
    expect(removeAt(list, 0)).toEqual(['b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('adds an item when switched on and removes every equal item when switched off', () => {
    expect(toggled(['x'], 'y', true)).toEqual(['x', 'y']);
    expect(toggled(['x', 'y', 'x'], 'x', false)).toEqual(['y']);
  });

  it('compares with the given equality, so references to the same provider match', () => {
    const google: ProviderRef = { type: 'provider', providerId: 'google' };
    const saml: ProviderRef = { type: 'provider', providerId: 'saml' };
    expect(
      toggled([google, saml], { type: 'provider', providerId: 'google' }, false, sameProviderRef),
    ).toEqual([saml]);
  });
});

describe('key=value lines', () => {
  it('round-trips a map', () => {
    const tags = { team: 'payments', env: 'prod' };
    expect(keyValueLines(tags)).toEqual(['team=payments', 'env=prod']);
    expect(parseKeyValueLines(keyValueLines(tags))).toEqual(tags);
  });

  it('splits at the first "=", trims both sides and drops lines without a key', () => {
    expect(parseKeyValueLines([' username = sub ', 'expr=a=b', '=orphan', 'no-separator'])).toEqual({
      username: 'sub',
      expr: 'a=b',
    });
  });
});
