import { plainToInstance } from 'class-transformer';
import { type ValidationError, getMetadataStorage, validateSync } from 'class-validator';

/** The environment did not describe a valid configuration; the message names every bad variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Builds a service's configuration class from environment variables and
 * validates it. Defaults are the class's property initialisers; values are
 * never echoed in errors (they may be secrets).
 */
export function loadConfig<T extends object>(configClass: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new configClass();
  const known = Object.keys(defaults).concat(declaredKeys(configClass));
  const raw: Record<string, unknown> = {};
  for (const key of new Set(known)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(configClass, { ...defaults, ...raw }, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.map(describe));
  }
  return config;
}

function describe(error: ValidationError): string {
  const rules = Object.values(error.constraints ?? {}).map((text) => text.replace(error.property, '').trim());
  return `${error.property}: ${rules.join('; ') || 'invalid'}`;
}

/** Properties declared with validation decorators but without a default. */
function declaredKeys(configClass: new () => object): string[] {
  // class-validator keeps its metadata globally; reading it keeps required variables (no default) in view.
  return getMetadataStorage()
    .getTargetValidationMetadatas(configClass, '', true, false)
    .map((metadata) => metadata.propertyName);
}
