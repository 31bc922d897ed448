import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../shared/model/validate';
import { aRoleMapping } from '../builders/design';
import { broken, CLIENT, goodDesign, pool, role } from './validation-fixture';

describe('validateDesign', () => {
  it('reports nothing for a good design', () => {
    expect(validateDesign(goodDesign())).toEqual([]);
  });

  it('reports every schema problem of a document at once, with readable messages', () => {
    const design = broken((d) => {
      d.account.accountId = 'abc';
      (role(d, 0) as unknown as Record<string, unknown>).maxSessionDuration = '3600';
    });
    const issues = validateDesign(design);
    expect(issues.map((issue) => issue.path)).toEqual([
      '$.account.accountId',
      '$.roles[0].maxSessionDuration',
    ]);
    expect(issues[0]?.message).toBe('must be 12 digits');
    expect(issues[1]?.message).toBe('expected a number, got the string "3600"');
  });

  it('names the missing field and the allowed discriminator values', () => {
    const issues = validateDesign(
      broken((d) => ((pool(d).acceptedProviders[0] as unknown as Record<string, unknown>).type = 'pool')),
    );
    expect(issues[0]?.message).toBe('must be one of "userPoolClient", "provider" (got the string "pool")');
    const missing = validateDesign(
      broken((d) => delete (role(d, 0) as unknown as Record<string, unknown>).trustPolicy),
    );
    expect(missing[0]?.message).toBe('required field is missing');
  });

  it('keeps the unknown-field warning but still returns no errors', () => {
    const issues = validateDesign(broken((d) => ((d as unknown as Record<string, unknown>).extra = 1)));
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'unknown-field', path: '$.extra' }),
    ]);
  });

  it('refuses a __proto__ key', () => {
    const design = JSON.parse(
      JSON.stringify(goodDesign()).replace('"tags":{"team":"web"}', '"tags":{"__proto__":"x"}'),
    ) as unknown;
    expect(validateDesign(design)).toEqual([
      expect.objectContaining({ code: 'reserved-key', path: '$.roles[2].tags.__proto__' }),
    ]);
  });

  it('stays quiet for a group without precedence or role and a Token mapping without rules', () => {
    const design = broken((d) => {
      pool(d).roleMappings = [aRoleMapping(CLIENT, { id: 'token', type: 'Token' })];
    });
    expect(validateDesign(design)).toEqual([]);
  });

  it('rejects non-objects with a message instead of throwing', () => {
    for (const value of [null, 42, 'text', [], undefined]) {
      const issues = validateDesign(value);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]?.path).toBe('$');
    }
  });
});
