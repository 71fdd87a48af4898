import { Module } from '@nestjs/common';
import { AppendOnlyCheck } from './append-only-check';
import { ConsentLog } from './consent-log';
import { LedgerProofs } from './ledger-proofs';
import { LedgerVerifier } from './ledger-verifier';
import { LedgerController } from './ledger.controller';
import { LogKeys } from './log-keys';
import { TreeHeads } from './tree-heads';

@Module({
  controllers: [LedgerController],
  providers: [ConsentLog, LogKeys, TreeHeads, LedgerProofs, LedgerVerifier, AppendOnlyCheck],
  exports: [ConsentLog, TreeHeads, LedgerProofs],
})
export class LedgerModule {}
