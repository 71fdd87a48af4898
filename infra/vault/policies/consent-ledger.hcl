# Vault policy for the consent-ledger service (policy name: candor-consent-ledger). Least privilege: what the
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

# The tenant's log-signing key is sealed under a data key kept like a subject's (SIGNING_KEY_ID,
# libs/crypto/src/signing-keys.ts): created by the tenant's first append to the consent log.
# Create only, never update: a second writer gets the first one's key.
path "candor-kv/data/subject-keys/+/00000000-0000-4000-8000-000000000001" {
  capabilities = ["create", "read"]
}

# Keeping its own token alive (renewal at two thirds of its TTL).
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}
