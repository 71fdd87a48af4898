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

# Keeping its own token alive (renewal at two thirds of its TTL).
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}
