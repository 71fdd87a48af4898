import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { PrivacyNoticeDto } from './dto/create-tenant.dto';
import { PrivacyNoticeVersionView } from './dto/tenancy.responses';
import { PrivacyNotices } from './privacy-notices.service';

/**
 * A tenant's privacy and recording notice, versioned: publishing adds a version and makes it the one
 * new conversations show; published versions never change, so the version stored with a
 * conversation always tells what that visitor saw.
 */
@ApiTags('privacy notices')
@Controller('v1/privacy-notices')
export class PrivacyNoticesController {
  constructor(private readonly notices: PrivacyNotices) {}

  @Get()
  @Authenticated({ roles: ['admin', 'compliance'] })
  @ApiOperation({ summary: 'Every published version, newest first' })
  @ApiOkResponse({ type: [PrivacyNoticeVersionView] })
  list(@CurrentPrincipal() principal: Principal): Promise<PrivacyNoticeVersionView[]> {
    return this.notices.list(principal.tenantId);
  }

  @Post()
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Publish a new version; conversations started from now on show it' })
  @ApiCreatedResponse({ type: PrivacyNoticeVersionView })
  @ApiConflictResponse({ description: 'That version label was already published' })
  publish(
    @CurrentPrincipal() principal: Principal,
    @Body() request: PrivacyNoticeDto,
  ): Promise<PrivacyNoticeVersionView> {
    return this.notices.publish(principal, request);
  }
}
