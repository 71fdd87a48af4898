import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ApiKeyReplicas } from './api-key-replicas.repository';
import { ApiKeyReplicationHandler } from './api-key-replication.handler';
import { AuditEventsController } from './audit-events.controller';
import { AuthGuard } from './auth.guard';
import { CredentialVerifier } from './credential-verifier';
import { AUTH_SETTINGS, type AuthSettings } from './auth.tokens';
import { PrincipalController } from './principal.controller';

export interface AuthModuleOptions extends AuthSettings {
  /** True in every service except the one that issues keys: keep a replica from events. */
  replicateApiKeys: boolean;
  /** The service records administrative actions: serve their trail at `GET /v1/audit-events`. */
  auditEvents?: boolean;
}

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      controllers: [
        PrincipalController,
        ...(options.replicateApiKeys ? [ApiKeyReplicationHandler] : []),
        ...(options.auditEvents ? [AuditEventsController] : []),
      ],
      providers: [
        { provide: AUTH_SETTINGS, useValue: { visitorTokenSecrets: options.visitorTokenSecrets } },
        CredentialVerifier,
        AuthGuard,
        ...(options.replicateApiKeys ? [ApiKeyReplicas] : []),
      ],
      exports: [AuthGuard, CredentialVerifier, AUTH_SETTINGS],
    };
  }
}
