import type { VerificationReport } from '@candor/consent-evidence';

type Loose = Record<string, unknown>;

const asObject = (value: unknown): Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};

/**
 * Bundle values are untrusted: control and format characters are escaped (a crafted field must not be able to
 * move the cursor or recolour an "OK" on the auditor's terminal) and long values are cut.
 */
function shown(value: unknown, max = 64): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '') return '?';
  const safe = value.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, (char) => `\\u{${char.codePointAt(0)?.toString(16)}}`);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

function time(ms: unknown): string {
  return Number.isSafeInteger(ms) && Math.abs(ms as number) <= 8.64e15 ? new Date(ms as number).toISOString() : '?';
}

/** Rows as lines with every column but the last padded to its widest cell. */
function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column].length))) ?? [];
  return rows.map(
    (row) =>
      `  ${row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell)).join('  ')}`,
  );
}

const verdict = (result: { ok: boolean; reason?: string }) => (result.ok ? 'OK' : `FAILED: ${result.reason}`);

const NO_CLAIM = 'nothing is claimed about entries left out';

/** What the bundle says it holds: a range gets a verdict (is every entry in it there, once?); a selection none. */
function scopeLines(scope: Loose, report: VerificationReport): string[] {
  if (report.scope.kind === 'range') {
    // Well-formed here: the report says range only for a valid one.
    const [from, to] = [scope.fromIndex as number, scope.toIndex as number];
    const whole = from === 0 && to === report.treeHead.treeSize ? ' (the whole log up to the tree head)' : '';
    const claim = to > from ? `every entry from #${from} to #${to - 1}${whole}` : 'no entry (an empty range)';
    return [`Scope: ${claim}`, `  ${verdict(report.scope)}`];
  }
  if (!report.scope.ok) return [`Scope: ${verdict(report.scope)}`];
  if (report.scope.kind === 'unstated') return [`Scope: not stated (an older bundle format); ${NO_CLAIM}`];
  const filter = asObject(scope.filter);
  const criteria = [
    filter.purpose != null && `purpose ${shown(filter.purpose)}`,
    filter.action != null && `action ${shown(filter.action)}`,
    filter.recordedFrom != null && `recorded from ${shown(filter.recordedFrom)}`,
    filter.recordedBefore != null && `recorded before ${shown(filter.recordedBefore)}`,
    filter.afterLeafIndex != null && `after entry #${shown(filter.afterLeafIndex)}`,
  ].filter(Boolean);
  return [`Scope: entries matching a search (${criteria.join(', ') || 'no criteria'}); ${NO_CLAIM}`];
}

/** The human report: the head, one line per entry (in bundle order) and per consistency proof, then the verdict. */
export function formatReport(bundle: unknown, report: VerificationReport, keyFingerprint: string): string {
  const input = asObject(bundle);
  const head = asObject(input.treeHead);
  const items = Array.isArray(input.entries) ? input.entries : [];
  const older = Array.isArray(input.consistency) ? input.consistency : [];
  const lines = [
    `Consent proof bundle of tenant ${shown(input.tenantId)}, exported ${shown(input.exportedAt)}`,
    `Trusted key: Ed25519, SHA-256 fingerprint of its SPKI ${keyFingerprint}`,
    '',
    `Tree head: ${report.treeHead.treeSize} entries, root ${shown(head.rootHash)}, signed for ${time(head.timestamp)}`,
    `  ${verdict(report.treeHead)}`,
    '',
    ...scopeLines(asObject(input.scope), report),
    '',
    `Entries (${report.entries.length}):`,
    ...table(
      report.entries.map((result, i) => {
        const entry = asObject(asObject(items[i]).entry);
        const index = `#${result.leafIndex < 0 ? '?' : result.leafIndex}`;
        const fields = [entry.subjectId, entry.purpose, entry.action, entry.recordedAt].map((value) => shown(value));
        return [index, ...fields, verdict(result)];
      }),
    ),
    '',
    `Consistency with older heads (${report.consistency.length}):`,
    ...report.consistency.map((result, j) => {
      const from = asObject(asObject(older[j]).from);
      const size = result.fromSize < 0 ? '?' : result.fromSize;
      return `  size ${size} (signed for ${time(from.timestamp)}) -> ${report.treeHead.treeSize}  ${verdict(result)}`;
    }),
  ];
  if (report.errors.length > 0) {
    lines.push('', `Problems (${report.errors.length}):`, ...report.errors.map((error) => `  - ${shown(error, 300)}`));
  }
  lines.push(
    '',
    report.ok
      ? `VERIFIED: the signed head and all ${report.entries.length} entries check out with the trusted key.`
      : 'FAILED: this bundle does not prove what it claims; see above.',
  );
  return `${lines.join('\n')}\n`;
}
