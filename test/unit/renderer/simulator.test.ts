// The simulator's pure parts: persona commands (undoable), the identity form to simulation input and
// persona (and back), request rows with session variables and context lines.

import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../../shared/model/types';
import {
  duplicatePersonaCommand,
  removePersonaCommand,
  renamePersonaCommand,
  savePersonaCommand,
} from '../../../src-renderer/state/edits/personas';
import { createAppStore, isDirty, useAppStore } from '../../../src-renderer/state/store';
import { focusTraceStep, policyRefOf } from '../../../src-renderer/simulator/focus';
import {
  claimsOf,
  emptyForm,
  formFromPersona,
  personaDraftOf,
  simulationInputOf,
  type IdentityForm,
} from '../../../src-renderer/simulator/identity';
import {
  fillSessionVariables,
  parseContextLines,
  runSimulation,
} from '../../../src-renderer/simulator/run-simulation';
import { NOW, baseDesign } from '../cognito/fixture';

function form(design: DesignDocument, patch: Partial<IdentityForm>): IdentityForm {
  return { ...emptyForm(design), identityPoolId: 'ip', now: NOW, ...patch };
}

function storeWith(design: DesignDocument) {
  const store = createAppStore();
  store.getState().loadDocument(design, undefined);
  return store;
}

describe('persona commands', () => {
  it('save, rename, duplicate and delete personas, each one undo step', () => {
    const store = storeWith(baseDesign());
    const draft = { name: 'Guest', identityPoolId: 'ip', login: { type: 'guest' as const } };
    store.getState().run(savePersonaCommand, { draft });
    store.getState().run(savePersonaCommand, { draft });
    expect(store.getState().design.personas.map((persona) => [persona.id, persona.name])).toEqual([
      ['persona-1', 'Guest'],
      ['persona-2', 'Guest2'],
    ]);
    store.getState().run(renamePersonaCommand, { id: 'persona-1', name: '  Visitor ' });
    store.getState().run(duplicatePersonaCommand, { id: 'persona-1' });
    expect(store.getState().design.personas.map((persona) => persona.name)).toEqual([
      'Visitor',
      'Visitor copy',
      'Guest2',
    ]);
    store.getState().run(removePersonaCommand, { id: 'persona-2' });
    expect(store.getState().design.personas.map((persona) => persona.name)).toEqual([
      'Visitor',
      'Visitor copy',
    ]);
    expect(isDirty(store.getState())).toBe(true);

    store.getState().undo();
    expect(store.getState().design.personas.map((persona) => persona.name)).toEqual([
      'Visitor',
      'Visitor copy',
      'Guest2',
    ]);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().design.personas.map((persona) => persona.name)).toEqual(['Guest', 'Guest2']);
    store.getState().redo();
    expect(store.getState().design.personas[0]?.name).toBe('Visitor');
  });

  it('updates a persona in place and leaves no-op edits out of the history', () => {
    const store = storeWith(baseDesign());
    store.getState().run(savePersonaCommand, {
      draft: { name: 'A', identityPoolId: 'ip', login: { type: 'guest' }, customRoleArn: 'arn:x' },
    });
    store.getState().run(savePersonaCommand, {
      draft: { id: 'persona-1', name: 'A', identityPoolId: 'ip', login: { type: 'guest' } },
    });
    expect(store.getState().design.personas).toEqual([
      { id: 'persona-1', name: 'A', identityPoolId: 'ip', login: { type: 'guest' } },
    ]);
    const history = store.getState().past.length;
    store.getState().run(renamePersonaCommand, { id: 'persona-1', name: 'A' });
    store.getState().run(removePersonaCommand, { id: 'missing' });
    store.getState().run(duplicatePersonaCommand, { id: 'missing' });
    expect(store.getState().past.length).toBe(history);
  });

  it('saves an edited user-pool user into its pool together with the persona', () => {
    const design = baseDesign();
    const edited = form(design, {
      kind: 'userPool',
      userPoolId: 'up',
      clientId: 'web',
      username: 'alice',
      groups: ['viewers'],
    });
    const built = personaDraftOf(design, edited, 'Alice as viewer');
    if ('error' in built) throw new Error(built.error);
    const store = storeWith(design);
    store.getState().run(savePersonaCommand, built);
    const alice = store.getState().design.userPools[0]!.users.find((user) => user.username === 'alice');
    expect(alice?.groups).toEqual(['viewers']);
    expect(alice?.sub).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(store.getState().design.personas[0]?.login).toEqual({
      type: 'userPool',
      userPoolId: 'up',
      clientId: 'web',
      username: 'alice',
    });
    store.getState().undo();
    expect(
      store.getState().design.userPools[0]!.users.find((user) => user.username === 'alice')?.groups,
    ).toEqual(['admins', 'editors']);
  });
});

describe('identity form', () => {
  it('reads claim values: booleans and JSON arrays as such, everything else as text', () => {
    expect(
      claimsOf([
        { name: 'email_verified', value: 'true' },
        { name: 'groups', value: '["a","b"]' },
        { name: 'sub', value: '110248495921238986420' },
        { name: 'note', value: '[not json' },
        { name: '', value: 'ignored' },
      ]),
    ).toEqual({
      claims: { email_verified: true, groups: ['a', 'b'], sub: '110248495921238986420', note: '[not json' },
    });
    expect(
      claimsOf([
        { name: 'a', value: '1' },
        { name: 'a', value: '2' },
      ]),
    ).toEqual({
      error: 'The claim "a" is given twice.',
    });
  });

  it('simulates a user with groups changed for this run only', () => {
    const design = baseDesign();
    const edited = form(design, {
      kind: 'userPool',
      userPoolId: 'up',
      clientId: 'web',
      username: 'alice',
      groups: [],
    });
    const view = runSimulation(design, edited, []);
    // Without groups the token carries no role: AmbiguousRoleResolution AuthenticatedRole gives the default role.
    expect(view.result?.outcome === 'credentials' && view.result.role.id).toBe('role-auth');
    expect(design.userPools[0]!.users.find((user) => user.username === 'alice')?.groups).toEqual([
      'admins',
      'editors',
    ]);
    const original = runSimulation(design, { ...edited, groups: null }, []);
    expect(original.result?.outcome === 'credentials' ? original.result.role.id : undefined).toBe(
      'role-admin',
    );
  });

  it('round-trips personas of each kind through the form', () => {
    const design = baseDesign();
    const cases: Partial<IdentityForm>[] = [
      { kind: 'guest' },
      { kind: 'userPool', userPoolId: 'up', clientId: 'web', username: 'vera' },
      {
        kind: 'claims',
        providerId: 'oidc',
        claims: [
          { name: 'iss', value: 'https://idp.example.com' },
          { name: 'groups', value: '["admins"]' },
        ],
        customRoleArn: 'arn:aws:iam::111122223333:role/Admin',
      },
      { kind: 'saml', providerId: 'saml', claims: [{ name: 'email', value: 'x@example.com' }] },
      { kind: 'developer', providerId: 'dev', developerUser: 'device-7', identityId: 'us-east-1:0000' },
    ];
    for (const patch of cases) {
      const original = form(design, patch);
      const built = personaDraftOf(design, original, 'P', 'persona-x');
      if ('error' in built) throw new Error(`${patch.kind}: ${built.error}`);
      const back = formFromPersona(design, { ...built.draft, id: 'persona-x' }, original);
      expect(back, patch.kind).toEqual(original);
    }
  });

  it('saves a pasted token as the claims of the provider that issued it, and refuses garbage', async () => {
    const design = baseDesign();
    const token = await new SignJWT({ sub: 'u1', aud: 'oidc-client', department: 'eng' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://idp.example.com')
      .sign(new TextEncoder().encode('not-a-real-key-but-long-enough-0123456789'));
    const built = personaDraftOf(design, form(design, { kind: 'jwt', jwt: token }), 'From token');
    if ('error' in built) throw new Error(built.error);
    expect(built.draft.login).toEqual({
      type: 'provider',
      providerId: 'oidc',
      claims: { sub: 'u1', aud: 'oidc-client', department: 'eng', iss: 'https://idp.example.com' },
    });
    expect(personaDraftOf(design, form(design, { kind: 'jwt', jwt: 'a.b' }), 'X')).toHaveProperty('error');
    const view = runSimulation(design, form(design, { kind: 'jwt', jwt: '{"alg":"none"}' }), []);
    expect(view.result?.outcome).toBe('error');
    expect(view.result?.outcome === 'error' && view.result.error.source).toBe('input');
  });

  it('simulates SAML attributes: the Role attribute names the role', () => {
    const design = baseDesign();
    const view = runSimulation(
      design,
      form(design, {
        kind: 'saml',
        providerId: 'saml',
        claims: [
          { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', value: 'maria' },
          {
            name: 'https://aws.amazon.com/SAML/Attributes/Role',
            value: 'arn:aws:iam::111122223333:role/Editor,arn:aws:iam::111122223333:saml-provider/Corp',
          },
        ],
      }),
      [],
    );
    expect(view.result?.outcome === 'credentials' && view.result.role.id).toBe('role-editor');
    expect(view.path).toMatchObject({ nodes: ['saml', 'ip', 'role-editor'], roleId: 'role-editor' });
  });

  it('names what is wrong with the form instead of simulating', () => {
    const design = baseDesign();
    expect(simulationInputOf(design, form(design, { now: 'yesterday' }))).toEqual({
      error: 'The clock "yesterday" is not a date and time.',
    });
    expect(simulationInputOf(design, form(design, { kind: 'userPool', userPoolId: '' }))).toEqual({
      error: 'Choose a user pool.',
    });
    expect(runSimulation(design, form(design, { identityPoolId: '' }), []).formError).toBe(
      'The design has no identity pool to simulate.',
    );
  });
});

describe('request rows', () => {
  it("fill session variables in the resource and evaluate with the session's context", () => {
    const design = baseDesign();
    const view = runSimulation(design, form(design, { kind: 'guest' }), [
      {
        id: 1,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::photos/guest/${cognito-identity.amazonaws.com:sub}/a',
        context: '',
      },
      { id: 2, action: 's3:GetObject', resource: 'arn:aws:s3:::photos/guest/us-east-1:other/a', context: '' },
      { id: 3, action: 's3:GetObject', resource: '', context: '' },
      { id: 4, action: 's3:GetObject', resource: 'arn:aws:s3:::photos/x', context: 'novalue' },
    ]);
    const identityId = view.result?.outcome === 'credentials' ? view.result.identityId : '';
    expect(view.requests[0]?.resource).toBe(`arn:aws:s3:::photos/guest/${identityId}/a`);
    expect(view.requests[0]?.decision?.decision).toBe('Allowed');
    expect(view.requests[0]?.decision?.decidingStatements.map((statement) => statement.sid)).toContain(
      'OwnPrefix',
    );
    expect(view.requests[1]?.decision?.decision).toBe('ImplicitlyDenied');
    expect(view.requests[2]?.problem).toBe('Give an action and a resource.');
    expect(view.requests[3]?.problem).toBe('Context line 1 "novalue" must be key=value.');
    expect(view.path?.roleId).toBe('role-unauth');
  });

  it('parses context lines, repeated keys becoming lists, and leaves unknown variables alone', () => {
    expect(parseContextLines('aws:SourceIp=203.0.113.7\n\ns3:prefix=a\ns3:prefix=b')).toEqual({
      context: { 'aws:SourceIp': '203.0.113.7', 's3:prefix': ['a', 'b'] },
    });
    const design = baseDesign();
    const view = runSimulation(design, form(design, { kind: 'guest' }), []);
    if (view.result?.outcome !== 'credentials') throw new Error('guest gets credentials');
    expect(
      fillSessionVariables(
        'x/${aws:PrincipalTag/none}/${cognito-identity.amazonaws.com:aud}',
        view.result.session,
      ),
    ).toBe('x/${aws:PrincipalTag/none}/us-east-1:11111111-2222-4333-8444-555555555555');
  });
});

describe('from results to the canvas and the policy editor', () => {
  it('opens the trust policy at the refusing statement when the trust check failed', () => {
    const design = baseDesign();
    design.roles[1]!.trustPolicy = {
      mode: 'custom',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:another-pool' } },
          },
        ],
      },
    };
    const view = runSimulation(design, form(design, { kind: 'guest' }), []);
    const trust = view.result?.trace.find((step) => step.id === 'trust');
    expect(trust?.outcome).toBe('fail');
    useAppStore.getState().loadDocument(design, undefined);
    focusTraceStep(view.design, view.result!, trust!);
    expect(useAppStore.getState().ui.policyEditor).toEqual({
      policy: { kind: 'trust', roleId: 'role-unauth' },
      jsonPath: '$.Statement[0]',
    });
    expect(useAppStore.getState().selection.nodes).toEqual(['role-unauth']);
    // Any other row selects its element: the identity pool row selects the pool.
    const poolStep = view.result!.trace.find((step) => step.id === 'identity-pool')!;
    focusTraceStep(view.design, view.result!, poolStep);
    expect(useAppStore.getState().selection).toEqual({ nodes: ['ip'], edges: [] });
  });

  it('names the policy of each deciding statement as the editor opens it', () => {
    const design = baseDesign();
    const view = runSimulation(design, form(design, { kind: 'guest' }), [
      {
        id: 1,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::photos/guest/${cognito-identity.amazonaws.com:sub}/a',
        context: '',
      },
    ]);
    if (view.result?.outcome !== 'credentials') throw new Error('guest gets credentials');
    const session = view.result.session;
    const refs = view.requests[0]!.decision!.decidingStatements.map((statement) => [
      policyRefOf(design, session, 'ip', statement),
      statement.path,
    ]);
    expect(refs).toContainEqual([
      { kind: 'inline', roleId: 'role-unauth', policyName: 'storage' },
      '$.Statement[0]',
    ]);
    expect(refs.map(([ref]) => ref)).toContainEqual({ kind: 'guestScopeDown', identityPoolId: 'ip' });
  });
});
