import { Module } from '@nestjs/common';
import { ConsentLog } from './consent-log';
import { LedgerProofs } from './ledger-proofs';
import { LedgerVerifier } from './ledger-verifier';
import { LedgerController } from './ledger.controller';
import { LogKeys } from './log-keys';
import { TreeHeads } from './tree-heads';

@Module({
  controllers: [LedgerController],
  providers: [ConsentLog, LogKeys, TreeHeads, LedgerProofs, LedgerVerifier],
  exports: [ConsentLog, TreeHeads, LedgerProofs],
})
export class LedgerModule {}
