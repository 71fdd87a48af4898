import type { DataSource } from 'typeorm';
import { assertSqlIdentifier } from '../persistence/sql-identifier';

/**
 * The records of one partition that the consumer started and has not seen through: `firstOffset` has been
 * started `starts` times, and the records after it up to `lastOffset` were started (once, at least
 * possibly) with it in one group.
 */
export interface DeliveryMarker {
  firstOffset: bigint;
  lastOffset: bigint;
  starts: number;
}

/**
 * What to do with a record, given its partition's marker:
 * - `normal`: beyond anything unfinished; handle it with the others of its batch;
 * - `replayed`: before the unfinished range (commits lag behind handling); handle it alone, it was seen through;
 * - `suspect`: inside the range a crash left unfinished; handle it alone, counting this start first;
 * - `crashed`: started `maxCrashes` times and never finished: it kills or hangs the consumer; dead-letter it.
 */
export type DeliveryVerdict =
  | { kind: 'normal' }
  | { kind: 'replayed' }
  | { kind: 'suspect'; previousStarts: number; lastOffset: bigint }
  | { kind: 'crashed'; starts: number };

export function deliveryVerdict(marker: DeliveryMarker | null, offset: bigint, maxCrashes: number): DeliveryVerdict {
  if (!marker || offset > marker.lastOffset) return { kind: 'normal' };
  if (offset < marker.firstOffset) return { kind: 'replayed' };
  // A record after the first of a crashed group may never have run: it is charged one start, not more.
  const previousStarts = offset === marker.firstOffset ? marker.starts : 1;
  if (previousStarts >= maxCrashes) return { kind: 'crashed', starts: previousStarts };
  return { kind: 'suspect', previousStarts, lastOffset: marker.lastOffset };
}

/**
 * Keeps each partition's marker in the service's `consumer_deliveries` table, written and committed before a
 * handler runs, so what a crash leaves unfinished is known at the next start, by whichever instance then owns
 * the partition. One small statement per group of events handled; none for events no handler acts on.
 */
export class DeliveryTracker {
  private readonly table: string;
  /** Markers of the partitions this instance has read, by "topic:partition"; dropped when the group rebalances. */
  private readonly markers = new Map<string, DeliveryMarker | null>();

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    readonly maxCrashes: number,
  ) {
    this.table = `"${assertSqlIdentifier(schema)}"."consumer_deliveries"`;
  }

  /** Partitions may have moved to or from this instance: read their markers afresh. */
  forgetAll(): void {
    this.markers.clear();
  }

  async verdict(topic: string, partition: number, offset: string): Promise<DeliveryVerdict> {
    return deliveryVerdict(await this.marker(topic, partition), BigInt(offset), this.maxCrashes);
  }

  /** Records that records `firstOffset`..`lastOffset` are about to be handled, the first for the `starts`th time. */
  async begin(
    topic: string,
    partition: number,
    firstOffset: string,
    lastOffset: string | bigint,
    starts: number,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table} ("topic", "partition", "first_offset", "last_offset", "starts")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("topic", "partition") DO UPDATE
       SET "first_offset" = EXCLUDED."first_offset", "last_offset" = EXCLUDED."last_offset",
           "starts" = EXCLUDED."starts", "updated_at" = now()`,
      [topic, partition, firstOffset, lastOffset.toString(), starts],
    );
    this.markers.set(key(topic, partition), {
      firstOffset: BigInt(firstOffset),
      lastOffset: BigInt(lastOffset),
      starts,
    });
  }

  /**
   * The record at `offset` was seen through (handled or dead-lettered). Only memory changes: the next `begin`
   * writes the table, and until then a crash is charged to the range as written, which is the safe side.
   */
  settled(topic: string, partition: number, offset: string): void {
    const marker = this.markers.get(key(topic, partition));
    const next = BigInt(offset) + 1n;
    if (marker && next > marker.firstOffset)
      this.markers.set(key(topic, partition), { ...marker, firstOffset: next, starts: 1 });
  }

  private async marker(topic: string, partition: number): Promise<DeliveryMarker | null> {
    const cached = this.markers.get(key(topic, partition));
    if (cached !== undefined) return cached;
    const rows: { first_offset: string; last_offset: string; starts: number }[] = await this.dataSource.query(
      `SELECT "first_offset", "last_offset", "starts" FROM ${this.table} WHERE "topic" = $1 AND "partition" = $2`,
      [topic, partition],
    );
    const marker = rows[0]
      ? { firstOffset: BigInt(rows[0].first_offset), lastOffset: BigInt(rows[0].last_offset), starts: rows[0].starts }
      : null;
    this.markers.set(key(topic, partition), marker);
    return marker;
  }
}

function key(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}
