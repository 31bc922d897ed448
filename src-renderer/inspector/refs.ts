// People-readable names for login sources and roles, shared by the inspector panels.

import { sameProviderRef } from '../../shared/model/keys';
import type { DesignDocument, ProviderRef } from '../../shared/model/types';

export function providerRefLabel(design: DesignDocument, ref: ProviderRef): string {
  if (ref.type === 'provider')
    return (
      design.providers.find((provider) => provider.id === ref.providerId)?.name ??
      `missing provider ${ref.providerId}`
    );
  const pool = design.userPools.find((candidate) => candidate.id === ref.userPoolId);
  const client = pool?.clients.find((candidate) => candidate.id === ref.clientId);
  return pool && client
    ? `${pool.name} › ${client.name}`
    : `missing app client ${ref.userPoolId}/${ref.clientId}`;
}

/** Every login source of the design an identity pool could accept. */
export function allProviderRefs(design: DesignDocument): ProviderRef[] {
  return [
    ...design.userPools.flatMap((pool) =>
      pool.clients.map((client): ProviderRef => ({
        type: 'userPoolClient',
        userPoolId: pool.id,
        clientId: client.id,
      })),
    ),
    ...design.providers.map((provider): ProviderRef => ({ type: 'provider', providerId: provider.id })),
  ];
}

export function refKey(ref: ProviderRef): string {
  return ref.type === 'provider' ? `provider:${ref.providerId}` : `client:${ref.userPoolId}/${ref.clientId}`;
}

export function includesRef(list: readonly ProviderRef[], ref: ProviderRef): boolean {
  return list.some((candidate) => sameProviderRef(candidate, ref));
}

export function roleOptions(design: DesignDocument, emptyLabel?: string): { value: string; label: string }[] {
  const roles = design.roles.map((role) => ({ value: role.id, label: role.name }));
  return emptyLabel === undefined ? roles : [{ value: '', label: emptyLabel }, ...roles];
}
