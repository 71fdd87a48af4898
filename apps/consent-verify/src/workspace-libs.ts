import Module from 'node:module';
import { join } from 'node:path';

/**
 * Lets node resolve the two workspace libraries this CLI uses, so it runs both from the swc build
 * (dist/apps/consent-verify/src -> dist/libs/<lib>/src) and under ts-node (apps/... -> libs/...), neither of
 * which rewrites these tsconfig path aliases. Must be imported before anything that imports them.
 */
const LIBRARIES: Record<string, string> = {
  '@candor/merkle': 'merkle',
  '@candor/consent-evidence': 'consent-evidence',
};

// Node's resolver hook point for CommonJS; not part of the typed API.
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  const library = LIBRARIES[request];
  const target = library ? join(__dirname, '..', '..', '..', 'libs', library, 'src', 'index') : request;
  return resolve.call(this, target, ...rest);
};
