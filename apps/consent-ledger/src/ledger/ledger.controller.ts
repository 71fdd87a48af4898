import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, type Principal } from '@candor/auth';
import type { SignedTreeHead } from '@candor/consent-evidence';
import { ApiException } from '@candor/platform';
import { AppendOnlyCheck } from './append-only-check';
import { ConsistencyQuery, LeafIndexParam, TreeSizeQuery } from './dto/ledger.params';
import {
  ConsistencyProofView,
  InclusionProofView,
  LedgerStatusView,
  LogPublicKeyView,
  SignedTreeHeadView,
  VerificationResultView,
} from './dto/ledger.views';
import { LedgerProofs, signedHead } from './ledger-proofs';
import { LedgerVerifier, type VerificationResult } from './ledger-verifier';
import { LogKeys } from './log-keys';
import { TreeHeads } from './tree-heads';

const READERS = { roles: ['compliance', 'admin', 'integrator'] as ('compliance' | 'admin' | 'integrator')[] };

@ApiTags('consent log')
@Controller('v1/ledger')
export class LedgerController {
  constructor(
    private readonly keys: LogKeys,
    private readonly heads: TreeHeads,
    private readonly proofs: LedgerProofs,
    private readonly verifier: LedgerVerifier,
    private readonly appendOnly: AppendOnlyCheck,
  ) {}

  @Get('public-key')
  @Authenticated(READERS)
  @ApiOperation({ summary: "The tenant's Ed25519 log key (SPKI PEM): all an auditor needs to verify bundles" })
  @ApiOkResponse({ type: LogPublicKeyView })
  @ApiNotFoundResponse({ description: 'This tenant has no consent log yet' })
  async publicKey(@CurrentPrincipal() principal: Principal): Promise<{ tenantId: string; publicKey: string }> {
    const publicKey = await this.keys.publicKeyPem(principal.tenantId);
    if (!publicKey) throw new ApiException('not_found', 'This tenant has no consent log yet');
    return { tenantId: principal.tenantId, publicKey };
  }

  @Get('tree-heads/latest')
  @Authenticated(READERS)
  @ApiOperation({ summary: 'The latest signed tree head' })
  @ApiOkResponse({ type: SignedTreeHeadView })
  @ApiNotFoundResponse({ description: 'no_signed_head: no head signed yet' })
  async latest(@CurrentPrincipal() principal: Principal): Promise<SignedTreeHead> {
    const head = await this.heads.latest(principal.tenantId);
    if (!head) throw new ApiException('no_signed_head', 'No signed head yet');
    return signedHead(head);
  }

  @Post('tree-heads')
  @HttpCode(200)
  @Authenticated({ roles: ['compliance', 'admin'] })
  @ApiOperation({ summary: 'Sign a head covering every entry committed so far (otherwise signed every minute)' })
  @ApiOkResponse({ type: SignedTreeHeadView })
  @ApiNotFoundResponse({ description: 'The log is empty' })
  async signNow(@CurrentPrincipal() principal: Principal): Promise<SignedTreeHead> {
    const head = await this.heads.signNow(principal.tenantId);
    if (!head) throw new ApiException('not_found', 'The log is empty');
    return signedHead(head);
  }

  @Get('entries/:leafIndex/inclusion-proof')
  @Authenticated(READERS)
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of an entry in a signed head' })
  @ApiOkResponse({ type: InclusionProofView })
  @ApiNotFoundResponse({ description: 'no_signed_head: no signed head (of that size)' })
  @ApiConflictResponse({ description: 'not_in_signed_head: the entry is not covered by a signed head yet' })
  inclusion(
    @CurrentPrincipal() principal: Principal,
    @Param() params: LeafIndexParam,
    @Query() query: TreeSizeQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    return timed(response, () => this.proofs.inclusion(principal.tenantId, params.leafIndex, query.treeSize));
  }

  @Get('consistency-proof')
  @Authenticated(READERS)
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two signed heads: the older is a prefix of the newer' })
  @ApiOkResponse({ type: ConsistencyProofView })
  @ApiNotFoundResponse({ description: 'no_signed_head: no signed head of that size' })
  consistency(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ConsistencyQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    return timed(response, () => this.proofs.consistency(principal.tenantId, query.from, query.to));
  }

  @Get('status')
  @Authenticated({ roles: ['compliance', 'admin'] })
  @ApiOperation({
    summary: "The log's size and latest signed head, and whether the database enforces append-only",
    description:
      "appendOnlyEnforced is false when the service's own database role could change or remove ledger rows " +
      '(e.g. it owns the tables: one role for migrations and the service); appendOnlyGaps says why.',
  })
  @ApiOkResponse({ type: LedgerStatusView })
  async status(@CurrentPrincipal() principal: Principal): Promise<LedgerStatusView> {
    const [logSize, head, appendOnly] = await Promise.all([
      this.heads.logSize(principal.tenantId),
      this.heads.latest(principal.tenantId),
      this.appendOnly.status(),
    ]);
    return { tenantId: principal.tenantId, logSize, latestSignedTreeSize: head?.treeSize ?? null, ...appendOnly };
  }

  @Post('verify')
  @HttpCode(200)
  @Authenticated({ roles: ['compliance', 'admin'] })
  @ApiOperation({
    summary: 'Recompute the whole log and check it against the appended leaves and every signed head',
    description: 'Names each entry changed, removed, moved or added directly in the database.',
  })
  @ApiOkResponse({
    type: VerificationResultView,
    description: 'ok: false lists the problems; the HTTP status is 200 either way',
  })
  verify(@CurrentPrincipal() principal: Principal): Promise<VerificationResult> {
    return this.verifier.verify(principal.tenantId);
  }
}

/** Builds a proof and says in a Server-Timing header how long that took here, apart from the network and auth. */
async function timed<T>(response: Response, build: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const proof = await build();
  response.setHeader('server-timing', `proof;dur=${(performance.now() - started).toFixed(3)}`);
  return proof;
}
