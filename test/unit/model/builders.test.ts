import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../shared/model/validate';
import { aDesign, aRoleMapping, aRule } from '../builders/design';

describe('design builders', () => {
  it('produce valid designs from defaults alone', () => {
    const design = aDesign()
      .withProvider('google')
      .withProvider('facebook')
      .withProvider('amazon')
      .withProvider('apple')
      .withProvider('twitter')
      .withProvider('oidc')
      .withProvider('saml')
      .withProvider('developer')
      .withUserPool()
      .withUserPool()
      .withIdentityPool()
      .withIdentityPool()
      .withRole()
      .withRole()
      .withManagedPolicy()
      .build();
    expect(validateDesign(design)).toEqual([]);
  });

  it('compose references that validate', () => {
    const design = aDesign()
      .withUserPool({ id: 'pool' })
      .with((draft) => {
        draft.userPools[0]!.clients[0]!.id = 'web';
      })
      .withRole({ id: 'admin' })
      .withIdentityPool({
        id: 'ipool',
        acceptedProviders: [{ type: 'userPoolClient', userPoolId: 'pool', clientId: 'web' }],
        authenticatedRoleId: 'admin',
        roleMappings: [
          aRoleMapping(
            { type: 'userPoolClient', userPoolId: 'pool', clientId: 'web' },
            { type: 'Rules', rules: [aRule('admin')] },
          ),
        ],
      })
      .withPersona('ipool')
      .withPosition('ipool', 1, 2)
      .build();
    expect(validateDesign(design)).toEqual([]);
  });

  it('build() returns independent copies', () => {
    const builder = aDesign().withRole({ id: 'r' });
    const first = builder.build();
    first.roles[0]!.name = 'Changed';
    expect(builder.build().roles[0]!.name).not.toBe('Changed');
  });
});
