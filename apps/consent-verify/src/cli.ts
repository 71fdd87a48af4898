import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { parseEd25519PublicKey, verifyBundle } from '@candor/consent-evidence';
import { formatReport } from './format-report';

export interface CliIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `Usage: consent-verify --bundle <file.json> --public-key <tenant-key.pem> [--json]

Verifies a Candor consent proof bundle offline, with only the tenant's Ed25519 public key (SPKI PEM)
obtained from a channel you trust. The key embedded in the bundle is never used.

  --bundle <file>       the exported proof bundle (JSON)
  --public-key <file>   the tenant's log public key you trust
  --json                print the machine-readable report instead of the human one

Exit codes: 0 everything verifies, 1 something does not, 2 usage error.
`;

/** The CLI, with its I/O injected so tests run it in memory. Resolves to the exit code; never rejects on bad input. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const usageError = (message: string) => {
    io.stderr(`consent-verify: ${message}\n\n${USAGE}`);
    return 2;
  };
  let options: { bundle?: string; 'public-key'?: string; json?: boolean; help?: boolean };
  try {
    options = parseArgs({
      args: argv,
      options: {
        bundle: { type: 'string' },
        'public-key': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // Duck-typed: parseArgs' errors may come from another realm (e.g. under Jest), where instanceof Error fails.
    const message = (error as { message?: unknown } | null)?.message;
    return usageError(typeof message === 'string' ? message : 'invalid arguments');
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  const bundlePath = options.bundle;
  const keyPath = options['public-key'];
  if (!bundlePath || !keyPath) return usageError('both --bundle and --public-key are required');

  const bundleText = await read(io, bundlePath);
  if (typeof bundleText !== 'string') return usageError(bundleText.problem);
  const keyPem = await read(io, keyPath);
  if (typeof keyPem !== 'string') return usageError(keyPem.problem);
  let bundle: unknown;
  try {
    bundle = JSON.parse(bundleText);
  } catch {
    // Not the parser's message: it quotes the file's content.
    return usageError(`${bundlePath} is not valid JSON`);
  }
  const key = parseEd25519PublicKey(keyPem);
  if (!key) return usageError(`${keyPath} is not an Ed25519 public key in SPKI PEM format`);

  const report = verifyBundle(bundle, keyPem);
  if (options.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const fingerprint = createHash('sha256')
      .update(key.export({ type: 'spki', format: 'der' }))
      .digest('hex');
    io.stdout(formatReport(bundle, report, fingerprint));
  }
  return report.ok ? 0 : 1;
}

async function read(io: CliIo, path: string): Promise<string | { problem: string }> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return { problem: `cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}` };
  }
}
