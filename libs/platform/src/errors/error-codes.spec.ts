import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiError } from '../http/api-error';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import { renderErrorCatalogue, withoutTablePadding } from './error-docs';

describe('the error catalogue', () => {
  it('gives every code an error status and a meaning', () => {
    for (const [code, { status, meaning }] of Object.entries(ERROR_CODES)) {
      expect({ code, status: status >= 400 && status <= 599, meaning: meaning.length > 10 }).toEqual({
        code,
        status: true,
        meaning: true,
      });
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });

  it('names, for an error that names no code, one whose status is the error’s', () => {
    for (const status of [400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 500, 503]) {
      const { code } = apiError(status, 'x');
      expect({ status, catalogued: ERROR_CODES[code as ErrorCode].status }).toEqual({ status, catalogued: status });
    }
  });

  it('is committed up to date in docs/errors.md (run `npm run docs:errors`)', () => {
    const committed = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');
    expect(withoutTablePadding(committed)).toBe(withoutTablePadding(renderErrorCatalogue()));
  });
});
