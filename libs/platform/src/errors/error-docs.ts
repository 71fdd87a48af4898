import { ERROR_CODES } from './error-codes';

/** docs/errors.md, rendered from the catalogue (`npm run docs:errors`; a test fails when the file is stale). */
export function renderErrorCatalogue(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, { status, meaning }]) => `| \`${code}\` | ${status} | ${meaning} |`,
  );
  return [
    '# Error codes',
    '',
    'Every error response of every Candor service has the same JSON body: `statusCode`, `error` (the reason phrase),',
    '`code` (one of the codes below, stable and machine-readable), `message` (for people, may change) and, for some',
    'codes, `details`. Each code is always sent with the same status. Generated from',
    '`libs/platform/src/errors/error-codes.ts` by `npm run docs:errors`.',
    '',
    '| Code | Status | Meaning |',
    '| ---- | ------ | ------- |',
    ...rows,
    '',
  ].join('\n');
}

/** Markdown without the padding a formatter adds to table cells, to compare what the tables say. */
export function withoutTablePadding(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '-'))
            .join('|')
        : line,
    )
    .join('\n');
}
