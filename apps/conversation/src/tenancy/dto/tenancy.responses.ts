import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_ROLES, type ApiKeyRole } from '@candor/contracts';
import type { ApiKeyCredential } from '@candor/auth';
import type { PrivacyNotice } from '../privacy-notice.entity';
import type { Tenant } from '../tenant.entity';

export class ApiKeyView {
  @ApiProperty() keyId: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role: ApiKeyRole;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the key stops working' })
  expiresAt: string | null;

  static of(key: ApiKeyCredential): ApiKeyView {
    return {
      keyId: key.keyId,
      role: key.role,
      label: key.label,
      createdAt: key.createdAt.toISOString(),
      revokedAt: key.revokedAt?.toISOString() ?? null,
      expiresAt: key.expiresAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'The key itself. Shown once: Candor stores only its hash.' })
  apiKey: string;
}

export class TenantView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Publishable key for the chat widget' }) siteKey: string;
  @ApiProperty({ type: [String] }) allowedOrigins: string[];
  @ApiProperty() privacyNotice: { version: string; text: string; policyUrl: string };
  @ApiProperty() createdAt: string;

  static of(tenant: Tenant): TenantView {
    return {
      id: tenant.id,
      name: tenant.name,
      siteKey: tenant.siteKey,
      allowedOrigins: tenant.allowedOrigins,
      privacyNotice: {
        version: tenant.privacyNoticeVersion,
        text: tenant.privacyNoticeText,
        policyUrl: tenant.privacyPolicyUrl,
      },
      createdAt: tenant.createdAt.toISOString(),
    };
  }
}

export class CreatedTenantView {
  @ApiProperty({ type: TenantView }) tenant: TenantView;
  @ApiProperty({ type: CreatedApiKeyView, description: 'The first admin key; shown once' })
  adminApiKey: CreatedApiKeyView;
}

export class PrivacyNoticeVersionView {
  @ApiProperty() version: string;
  @ApiProperty() text: string;
  @ApiProperty() policyUrl: string;
  @ApiProperty() publishedAt: string;

  static of(notice: PrivacyNotice): PrivacyNoticeVersionView {
    return {
      version: notice.version,
      text: notice.text,
      policyUrl: notice.policyUrl,
      publishedAt: notice.publishedAt.toISOString(),
    };
  }
}
