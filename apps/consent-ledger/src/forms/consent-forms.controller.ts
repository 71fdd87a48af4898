import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { ToInteger } from '@candor/platform';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import { ConsentForms } from './consent-forms.service';
import { ConsentFormView, FormIdParam, PublishConsentFormDto } from './dto/consent-form.dto';

class FormVersionParam extends FormIdParam {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version: number;
}

@ApiTags('consent forms')
@Controller('v1/consent-forms')
export class ConsentFormsController {
  constructor(private readonly forms: ConsentForms) {}

  @Get()
  @Authenticated({ roles: ['admin', 'compliance', 'integrator'] })
  @ApiOperation({ summary: "The current version of each of the tenant's consent forms, one per form and locale" })
  @ApiOkResponse({ type: [ConsentFormView] })
  async current(@CurrentPrincipal() principal: Principal): Promise<ConsentFormView[]> {
    return (await this.forms.current(principal.tenantId)).map((form) =>
      ConsentFormView.of({ ...form, publishedAt: new Date(form.publishedAt) }),
    );
  }

  @Post(':formId/versions')
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Publish a new version of a form: its text is hashed and never changes again' })
  @ApiCreatedResponse({ type: ConsentFormView })
  @ApiConflictResponse({ description: 'purpose_mismatch: a form keeps its purpose across versions' })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @Param() params: FormIdParam,
    @Body() request: PublishConsentFormDto,
  ): Promise<ConsentFormView> {
    return ConsentFormView.of(await this.forms.publish(principal, params.formId, request));
  }

  @Get(':formId/versions/:version')
  @Authenticated({ roles: ['admin', 'compliance', 'integrator'] })
  @ApiOkResponse({ type: ConsentFormView })
  @ApiNotFoundResponse({ description: 'No such form version' })
  async version(@CurrentPrincipal() principal: Principal, @Param() params: FormVersionParam) {
    return ConsentFormView.of(await this.forms.version(principal.tenantId, params.formId, params.version));
  }
}
