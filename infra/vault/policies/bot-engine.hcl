# Vault policy for the bot-engine service (policy name: candor-bot-engine). Least privilege: what the
# key service (libs/crypto/src/vault) calls for this service, and nothing more.

# Data keys: fresh ones wrapped by the tenant's key, and unwrapping stored ones.
path "candor-transit/datakey/plaintext/candor-tenant-*" {
  capabilities = ["update"]
}

path "candor-transit/decrypt/candor-tenant-*" {
  capabilities = ["update"]
}

# Subjects' wrapped data keys, read only.
path "candor-kv/data/subject-keys/*" {
  capabilities = ["read"]
}

# The tenant's blind-index key (BLIND_INDEX_KEY_ID, libs/crypto/src/blind-index.ts), kept like a
# subject's key: created by the first email or phone the bot captures for the tenant. Create
# only, never update: a second writer gets the first one's key.
path "candor-kv/data/subject-keys/+/00000000-0000-4000-8000-000000000000" {
  capabilities = ["create", "read"]
}

# Keeping its own token alive (renewal at two thirds of its TTL).
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}
