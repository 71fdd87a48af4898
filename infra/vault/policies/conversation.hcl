# Vault policy for the conversation service (policy name: candor-conversation). Least privilege: what the
# key service (libs/crypto/src/vault) calls for this service, and nothing more.

# Data keys: fresh ones wrapped by the tenant's key, and unwrapping stored ones.
path "candor-transit/datakey/plaintext/candor-tenant-*" {
  capabilities = ["update"]
}

path "candor-transit/decrypt/candor-tenant-*" {
  capabilities = ["update"]
}

# New subjects get their wrapped data key here. Create only, never update: an existing
# subject key cannot be overwritten (the key service keeps the first writer's key).
path "candor-kv/data/subject-keys/*" {
  capabilities = ["create", "read"]
}

# Tenant admin: creates a tenant's key on onboarding, and deletes it on off-boarding
# (destroyTenantKey). "+" (one path segment) rather than "candor-tenant-*": a glob would also
# reach keys/<name>/rotate and /trim, which only dsr may use. The Transit mount holds nothing
# but Candor's tenant keys.
path "candor-transit/keys/+" {
  capabilities = ["create", "update", "delete"]
}

# Off-boarding: Transit deletes a key only once its config allows it. Only that one setting,
# and only to true: the minimum decryption version and the rest of the config stay dsr's.
path "candor-transit/keys/+/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "deletion_allowed" = [true]
  }
}

# Keeping its own token alive (renewal at two thirds of its TTL).
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}
