# Vault policy for the dsr service (policy name: candor-dsr). Least privilege: what the
# key service (libs/crypto/src/vault) calls for this service, and nothing more.

# Data keys: fresh ones wrapped by the tenant's key, and unwrapping stored ones.
path "candor-transit/datakey/plaintext/candor-tenant-*" {
  capabilities = ["update"]
}

path "candor-transit/decrypt/candor-tenant-*" {
  capabilities = ["update"]
}

# Subjects' wrapped data keys: read, and replaced after a rotation re-wrapped them.
path "candor-kv/data/subject-keys/*" {
  capabilities = ["read", "update"]
}

# Listing a tenant's subjects (for re-wrapping), and crypto-shredding a subject: deleting
# the metadata removes every version at once.
path "candor-kv/metadata/subject-keys/*" {
  capabilities = ["list", "delete"]
}

# Key rotation after erasures (TenantKeyRotation): read the key, rotate it, raise its minimum
# decryption (and encryption) version and trim the old versions. "+" (one path segment) and no
# update on keys/<name> itself: dsr neither creates tenant keys (conversation does, on onboarding)
# nor deletes them or allows their deletion (conversation does, on off-boarding).
path "candor-transit/keys/+" {
  capabilities = ["read"]
}

path "candor-transit/keys/+/rotate" {
  capabilities = ["update"]
}

path "candor-transit/keys/+/config" {
  capabilities = ["update"]
  allowed_parameters = {
    "min_decryption_version" = []
    "min_encryption_version" = []
  }
}

path "candor-transit/keys/+/trim" {
  capabilities = ["update"]
}

# Re-wrapping subjects' data keys under the latest key version after a rotation.
path "candor-transit/rewrap/candor-tenant-*" {
  capabilities = ["update"]
}

# Keeping its own token alive (renewal at two thirds of its TTL).
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}
