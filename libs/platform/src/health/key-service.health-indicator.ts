import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { KeyManagementService } from '@candor/crypto';
import { KEY_MANAGEMENT } from '../keys/key-management.token';

/** Not ready while the key service (Vault, or the local key store) cannot answer: nothing could be encrypted. */
@Injectable()
export class KeyServiceHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(KEY_MANAGEMENT) private readonly kms: KeyManagementService,
  ) {}

  async check(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ ok: false; detail: string }>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    });
    const health = await Promise.race([this.kms.health(), timeout]).finally(() => clearTimeout(timer));
    return health.ok
      ? indicator.up({ provider: this.kms.provider })
      : indicator.down({ provider: this.kms.provider, message: health.detail ?? 'unavailable' });
  }
}
