import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiException } from '@candor/platform';
import { inCrossTenantScope } from '@candor/tenant-isolation';
import { ApiKeyCredential } from './api-key-credential.entity';
import { parseApiKey, secretMatches } from './api-key';
import { AUTH_SETTINGS, type AuthSettings } from './auth.tokens';
import type { AuthPolicy } from './auth-policy';
import type { Principal } from './principal';
import { verifyVisitorToken } from './visitor-token';

const UNKNOWN_KEY_HASH = '0'.repeat(64);

/** Turns a bearer credential (API key or visitor token) into a tenant-scoped principal, or throws 401/403. */
@Injectable()
export class CredentialVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async verify(credential: string, policy: AuthPolicy): Promise<Principal> {
    const apiKey = parseApiKey(credential);
    if (apiKey) {
      // A key tells its tenant only once found.
      const stored = await inCrossTenantScope(this.dataSource, 'credential-lookup', (manager) =>
        manager.findOneBy(ApiKeyCredential, { keyId: apiKey.keyId }),
      );
      // Hash even for an unknown key id, so timing does not tell which ids exist.
      const matches = secretMatches(apiKey.secret, stored?.secretHash ?? UNKNOWN_KEY_HASH);
      if (!stored || stored.revokedAt || !matches) {
        throw new ApiException('invalid_credentials', 'The API key is unknown or revoked');
      }
      if (stored.expiresAt && stored.expiresAt.getTime() <= Date.now()) {
        throw new ApiException('expired_credentials', 'The API key has expired; use its replacement');
      }
      if (!policy.roles.includes(stored.role)) {
        throw new ApiException(
          'forbidden',
          `This call needs one of the roles: ${policy.roles.join(', ') || 'none (visitors only)'}`,
        );
      }
      return { kind: 'api-key', tenantId: stored.tenantId, role: stored.role, keyId: stored.keyId };
    }
    const claims = this.settings.visitorTokenSecrets?.length
      ? verifyVisitorToken(credential, this.settings.visitorTokenSecrets)
      : undefined;
    if (!claims) {
      throw new ApiException('invalid_credentials', 'The credential is not a valid API key or visitor token');
    }
    if (!policy.visitors) {
      throw new ApiException('forbidden', 'Visitor tokens cannot make this call');
    }
    return { kind: 'visitor', ...claims };
  }
}
