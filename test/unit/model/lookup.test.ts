import { describe, expect, it } from 'vitest';
import {
  allDesignIds,
  createEmptyDesign,
  createEmptyRole,
  findManagedPolicyByArn,
  findRole,
  newId,
  roleById,
} from '../../../shared/model/lookup';
import { validateDesign } from '../../../shared/model/validate';
import { aDesign } from '../builders/design';

describe('lookups', () => {
  const design = aDesign()
    .withRole({ id: 'reader', name: 'Reader' })
    .withRole({ id: 'writer', name: 'Writer' })
    .withManagedPolicy({ id: 'shared', name: 'Shared', path: '/app/' })
    .build();

  it('finds roles by design id', () => {
    expect(findRole(design, 'writer')?.name).toBe('Writer');
    expect(findRole(design, 'nobody')).toBeUndefined();
    expect([...roleById(design).keys()]).toEqual(['reader', 'writer']);
  });

  it('finds a customer managed policy by its ARN', () => {
    expect(findManagedPolicyByArn(design, 'arn:aws:iam::111122223333:policy/app/Shared')?.id).toBe('shared');
    expect(findManagedPolicyByArn(design, 'arn:aws:iam::111122223333:policy/Shared')).toBeUndefined();
  });

  it('lists every design id', () => {
    expect(allDesignIds(design)).toEqual(new Set(['reader', 'writer', 'shared']));
  });
});

describe('newId', () => {
  it('returns the smallest free numbered id', () => {
    expect(newId('role', [])).toBe('role-1');
    expect(newId('role', ['role-1', 'role-2', 'role-4'])).toBe('role-3');
    expect(newId('role', new Set(['role-1']))).toBe('role-2');
  });

  it('reduces the prefix to characters ids allow', () => {
    expect(newId('My Role!', [])).toBe('My-Role-1');
    expect(newId('  ', [])).toBe('id-1');
  });
});

describe('createEmptyDesign', () => {
  it('is valid', () => {
    expect(validateDesign(createEmptyDesign())).toEqual([]);
  });
});

describe('createEmptyRole', () => {
  it("has CreateRole's defaults: path /, one-hour sessions, no policies, a generated trust policy", () => {
    const role = createEmptyRole('role-1', 'Reader');
    expect(role).toMatchObject({ id: 'role-1', name: 'Reader', path: '/', maxSessionDuration: 3600 });
    expect(role.inlinePolicies).toEqual([]);
    expect(role.managedPolicyArns).toEqual([]);
    expect(role.permissionsBoundaryArn).toBeUndefined();
    expect(role.trustPolicy).toEqual({ mode: 'generated' });
  });

  it('is valid inside a design', () => {
    const design = { ...createEmptyDesign(), roles: [createEmptyRole('role-1', 'Reader')] };
    expect(validateDesign(design)).toEqual([]);
  });
});
