"""moto_server for the account tests, taught the identity-pool calls moto 5 lacks.

moto stores identity pools but has no GetIdentityPoolRoles, SetIdentityPoolRoles,
GetPrincipalTagAttributeMap or SetPrincipalTagAttributeMap, and drops AllowClassicFlow.
This wrapper adds them to moto's own pool objects, following the API reference:
https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html
https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetPrincipalTagAttributeMap.html
SetIdentityPoolRoles replaces the whole Roles and RoleMappings maps, as AWS does.

Usage: python3 moto_cognito_server.py <port>   (binds 127.0.0.1)
"""

import json
import sys

from moto.cognitoidentity.exceptions import ResourceNotFoundError
from moto.cognitoidentity.models import CognitoIdentityPool
from moto.cognitoidentity.responses import CognitoIdentityResponse
from moto.server import main


def _pool(response, pool_id):
    pool = response.backend.identity_pools.get(pool_id)
    if pool is None:
        raise ResourceNotFoundError(pool_id)
    return pool


def set_identity_pool_roles(self):
    pool = _pool(self, self._get_param("IdentityPoolId"))
    pool.roles = self._get_param("Roles") or {}
    pool.role_mappings = self._get_param("RoleMappings") or {}
    return ""


def get_identity_pool_roles(self):
    pool_id = self._get_param("IdentityPoolId")
    pool = _pool(self, pool_id)
    return json.dumps(
        {
            "IdentityPoolId": pool_id,
            "Roles": getattr(pool, "roles", {}),
            "RoleMappings": getattr(pool, "role_mappings", {}),
        }
    )


def set_principal_tag_attribute_map(self):
    pool_id = self._get_param("IdentityPoolId")
    pool = _pool(self, pool_id)
    name = self._get_param("IdentityProviderName")
    entry = {
        "UseDefaults": bool(self._get_param("UseDefaults")),
        "PrincipalTags": self._get_param("PrincipalTags") or {},
    }
    maps = getattr(pool, "principal_tags", {})
    maps[name] = entry
    pool.principal_tags = maps
    return json.dumps({"IdentityPoolId": pool_id, "IdentityProviderName": name, **entry})


def get_principal_tag_attribute_map(self):
    pool_id = self._get_param("IdentityPoolId")
    pool = _pool(self, pool_id)
    name = self._get_param("IdentityProviderName")
    entry = getattr(pool, "principal_tags", {}).get(name)
    if entry is None:
        return json.dumps({"IdentityPoolId": pool_id, "IdentityProviderName": name})
    return json.dumps({"IdentityPoolId": pool_id, "IdentityProviderName": name, **entry})


original_create = CognitoIdentityResponse.create_identity_pool
original_update = CognitoIdentityResponse.update_identity_pool
original_to_json = CognitoIdentityPool.to_json


def _remember_classic_flow(self, answer):
    pool_id = json.loads(answer)["IdentityPoolId"]
    flag = self._get_param("AllowClassicFlow")
    pool = self.backend.identity_pools[pool_id]
    pool.allow_classic_flow = bool(flag)
    return pool.to_json()


def create_identity_pool(self):
    return _remember_classic_flow(self, original_create(self))


def update_identity_pool(self):
    return _remember_classic_flow(self, original_update(self))


def to_json(self):
    value = json.loads(original_to_json(self))
    value["AllowClassicFlow"] = getattr(self, "allow_classic_flow", False)
    return json.dumps(value)


CognitoIdentityResponse.set_identity_pool_roles = set_identity_pool_roles
CognitoIdentityResponse.get_identity_pool_roles = get_identity_pool_roles
CognitoIdentityResponse.set_principal_tag_attribute_map = set_principal_tag_attribute_map
CognitoIdentityResponse.get_principal_tag_attribute_map = get_principal_tag_attribute_map
CognitoIdentityResponse.create_identity_pool = create_identity_pool
CognitoIdentityResponse.update_identity_pool = update_identity_pool
CognitoIdentityPool.to_json = to_json

if __name__ == "__main__":
    main(["-H", "127.0.0.1", "-p", sys.argv[1]])
