import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { ApiException } from '@candor/platform';
import { inTenantScope } from '@candor/tenant-isolation';
import { KeyRotationView, ShreddingEvidenceView } from './dto/key-rotation.views';
import { SubjectIdParam } from './dto/subject-id.param';
import { KeyRotation } from './key-rotation.entity';
import { ShreddedSubjectKey } from './shredded-subject-key.entity';

/** Erasure evidence for compliance staff: when keys were destroyed, and when backups stopped being readable. */
@ApiTags('erasure evidence')
@Controller('v1')
@Authenticated({ roles: ['compliance', 'admin'] })
export class KeyRotationController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('key-rotations')
  @ApiOperation({ summary: "The tenant's key rotations, newest first" })
  @ApiOkResponse({ type: [KeyRotationView] })
  async list(@CurrentPrincipal() principal: Principal): Promise<KeyRotationView[]> {
    const rotations = await inTenantScope(this.dataSource, principal.tenantId, (manager) =>
      manager.find(KeyRotation, { where: { tenantId: principal.tenantId }, order: { completedAt: 'DESC' }, take: 200 }),
    );
    return rotations.map(KeyRotationView.of);
  }

  @Get('shredded-subjects/:subjectId')
  @ApiOperation({ summary: "When a subject's key was destroyed and when copies in backups became unreadable" })
  @ApiOkResponse({ type: ShreddingEvidenceView })
  @ApiNotFoundResponse({ description: 'No shredding of this subject in this tenant' })
  async evidence(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SubjectIdParam,
  ): Promise<ShreddingEvidenceView> {
    const record = await inTenantScope(this.dataSource, principal.tenantId, (manager) =>
      manager.findOneBy(ShreddedSubjectKey, { tenantId: principal.tenantId, subjectId: params.subjectId }),
    );
    if (!record) throw new ApiException(404, 'not_found', 'No shredding of this subject');
    return ShreddingEvidenceView.of(record);
  }
}
