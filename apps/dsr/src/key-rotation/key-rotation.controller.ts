import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { ApiException } from '@candor/platform';
import { KeyRotationView, ShreddingEvidenceView } from './dto/key-rotation.views';
import { SubjectIdParam } from './dto/subject-id.param';
import { ErasureEvidenceRepository } from './erasure-evidence.repository';

/** Erasure evidence for compliance staff: when keys were destroyed, and when backups stopped being readable. */
@ApiTags('erasure evidence')
@Controller('v1')
@Authenticated({ roles: ['compliance', 'admin'] })
export class KeyRotationController {
  constructor(private readonly erasures: ErasureEvidenceRepository) {}

  @Get('key-rotations')
  @ApiOperation({ summary: "The tenant's key rotations, newest first" })
  @ApiOkResponse({ type: [KeyRotationView] })
  async list(@CurrentPrincipal() principal: Principal): Promise<KeyRotationView[]> {
    const rotations = await this.erasures.rotations(principal.tenantId, 200);
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
    const record = await this.erasures.shredding(principal.tenantId, params.subjectId);
    if (!record) throw new ApiException('not_found', 'No shredding of this subject');
    return ShreddingEvidenceView.of(record);
  }
}
