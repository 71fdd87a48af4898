import { Body, Controller, Get, Header, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiException } from '@candor/platform';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import type { ConsentEntry } from '@candor/consent-evidence';
import { ConsentQueries } from './consent-queries';
import { ConsentsService, bundleToCsv } from './consents.service';
import {
  ConsentEntryView,
  ConsentStateView,
  CountsQuery,
  ExportQuery,
  ProofBundleView,
  PurposeDayCountView,
  RecordedConsentView,
  SearchPageView,
  SearchQuery,
  StateQuery,
  SubjectIdParam,
} from './dto/consent.views';
import { RecordConsentBatchDto, RecordConsentDto } from './dto/record-consent.dto';

const WRITERS = { roles: ['integrator', 'admin'] as ('integrator' | 'admin')[] };
const AUDITORS = { roles: ['compliance', 'admin'] as ('compliance' | 'admin')[] };

@ApiTags('consents')
@ApiExtraModels(ProofBundleView)
@Controller('v1/consents')
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly queries: ConsentQueries,
  ) {}

  @Post()
  @Authenticated(WRITERS)
  @ApiOperation({
    summary: 'Record a decision (granted, withdrawn, expired); answered only once it is in the log',
    description: 'Withdrawing is the same call as granting. If the append fails, nothing is recorded (fail closed).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 100 printable ASCII characters: a retry with the same key returns the first entry',
    schema: { type: 'string', pattern: '^[!-~]{1,100}$' },
  })
  @ApiCreatedResponse({ type: RecordedConsentView })
  @ApiUnprocessableEntityResponse({
    description:
      'unknown_form, purpose_mismatch, text_mismatch, personal_data_in_reference, or idempotency_key_reused (the ' +
      'Idempotency-Key came with another decision)',
  })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Body() request: RecordConsentDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,100}$/.test(idempotencyKey)) {
      throw new ApiException('invalid_idempotency_key', 'Idempotency-Key must be 1-100 printable ASCII characters');
    }
    return this.consents.recordOne(principal.tenantId, request, idempotencyKey ?? null);
  }

  @Post('batch')
  @Authenticated(WRITERS)
  @ApiOperation({ summary: 'Record up to 1,000 decisions at once, all or none' })
  @ApiCreatedResponse({ type: [RecordedConsentView] })
  @ApiUnprocessableEntityResponse({
    description: 'unknown_form, purpose_mismatch, text_mismatch, personal_data_in_reference',
  })
  recordBatch(@CurrentPrincipal() principal: Principal, @Body() request: RecordConsentBatchDto) {
    return this.consents.recordAll(principal.tenantId, request.records);
  }

  @Get()
  @Authenticated(AUDITORS)
  @ApiOperation({ summary: 'Search by purpose, action and time range, in log order, with a cursor' })
  @ApiOkResponse({ type: SearchPageView })
  search(@CurrentPrincipal() principal: Principal, @Query() query: SearchQuery): Promise<SearchPageView> {
    return this.queries.search(principal.tenantId, query);
  }

  @Get('counts')
  @Authenticated(AUDITORS)
  @ApiOperation({ summary: 'Decisions per purpose and UTC day' })
  @ApiOkResponse({ type: [PurposeDayCountView] })
  counts(@CurrentPrincipal() principal: Principal, @Query() query: CountsQuery): Promise<PurposeDayCountView[]> {
    return this.queries.counts(principal.tenantId, query);
  }

  @Get('export')
  @Authenticated(AUDITORS)
  @ApiOperation({
    summary: 'Export matching entries with inclusion proofs against a freshly signed head (JSON bundle or CSV)',
    description:
      'The JSON bundle verifies offline with the consent-verify CLI and the tenant public key alone. Its `scope` ' +
      'says what it holds: without purpose, action, from or to, every entry after `cursor` up to the signed head ' +
      '(a range the verifier checks is whole); with any of them, the entries that matched (`filtered`).',
  })
  @ApiOkResponse({
    description: 'The proof bundle (format=json, the default) or the entries as CSV (format=csv)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ProofBundleView) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse({ description: 'no_signed_head: the log is empty' })
  @ApiUnprocessableEntityResponse({ description: 'export_too_large: narrow the range' })
  @Header('cache-control', 'no-store')
  async export(@CurrentPrincipal() principal: Principal, @Query() query: ExportQuery, @Res() response: Response) {
    const bundle = await this.consents.export(principal.tenantId, query);
    if (query.format === 'csv') {
      response.type('text/csv').attachment('consents.csv').send(bundleToCsv(bundle));
    } else {
      response.type('application/json').attachment('consent-proof-bundle.json').send(JSON.stringify(bundle));
    }
  }

  @Get('subjects/:subjectId')
  @Authenticated({ roles: ['compliance', 'admin', 'integrator'] })
  @ApiOperation({
    summary: "A subject's current state per purpose, or as of a past time (`at`)",
    description: 'With `purpose`: `missing` when never given, `outdated` when given to an older form version.',
  })
  @ApiOkResponse({ type: [ConsentStateView] })
  state(@CurrentPrincipal() principal: Principal, @Param() params: SubjectIdParam, @Query() query: StateQuery) {
    return this.queries.state(principal.tenantId, params.subjectId, query.at, query.purpose);
  }

  @Get('subjects/:subjectId/history')
  @Authenticated(AUDITORS)
  @ApiOperation({ summary: "A subject's full history, in log order" })
  @ApiOkResponse({ type: [ConsentEntryView] })
  history(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SubjectIdParam,
    @Query() query: StateQuery,
  ): Promise<ConsentEntry[]> {
    return this.queries.history(principal.tenantId, params.subjectId, query.purpose);
  }
}
