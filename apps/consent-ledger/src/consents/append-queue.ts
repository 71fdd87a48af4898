import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ConsentEntry } from '@candor/consent-evidence';
import { type EntryDraft, assertValidDraft } from '../ledger/consent-log';
import { type ConsentDecision, ConsentRecorder, toDraft } from './consent-recorder';

interface Waiting {
  decision: ConsentDecision;
  resolve(entry: ConsentEntry): void;
  reject(error: unknown): void;
}

/** Decisions appended in one transaction at most: keeps each commit short. */
const MAX_GROUP = 1_000;

/**
 * Group commit for single decisions: a tenant's log takes one append at a time (its right edge is
 * locked), so decisions that arrive while a transaction is in flight are appended together by the
 * next one. Nobody waits for a timer; each caller is answered only once its entry is committed, and
 * a decision refused on its own merits (an unknown form) does not hold back the others.
 */
@Injectable()
export class AppendQueue {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly flushing = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: ConsentRecorder,
  ) {}

  submit(tenantId: string, decision: ConsentDecision): Promise<ConsentEntry> {
    assertValidDraft(tenantId, toDraft(decision, decision.formVersion ?? null, null));
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(tenantId) ?? [];
      queue.push({ decision, resolve, reject });
      this.queues.set(tenantId, queue);
      if (!this.flushing.has(tenantId)) void this.flush(tenantId);
    });
  }

  private async flush(tenantId: string): Promise<void> {
    this.flushing.add(tenantId);
    try {
      for (let queue = this.take(tenantId); queue.length > 0; queue = this.take(tenantId)) {
        await this.appendGroup(tenantId, queue);
      }
    } finally {
      this.flushing.delete(tenantId);
    }
  }

  private take(tenantId: string): Waiting[] {
    const queue = this.queues.get(tenantId) ?? [];
    const group = queue.splice(0, MAX_GROUP);
    if (queue.length === 0) this.queues.delete(tenantId);
    return group;
  }

  private async appendGroup(tenantId: string, group: Waiting[]): Promise<void> {
    const accepted: { waiting: Waiting; draft: EntryDraft }[] = [];
    try {
      const entries = await this.dataSource.transaction(async (manager) => {
        for (const waiting of group) {
          try {
            accepted.push({ waiting, draft: await this.recorder.prepare(manager, tenantId, waiting.decision) });
          } catch (error) {
            waiting.reject(error);
          }
        }
        return this.recorder.append(
          manager,
          tenantId,
          accepted.map(({ draft }) => draft),
        );
      });
      entries.forEach((entry, index) => accepted[index].waiting.resolve(entry));
    } catch (error) {
      // Nothing of the group was committed: every decision still waiting fails (fail closed).
      for (const { waiting } of accepted) waiting.reject(error);
    }
  }
}
