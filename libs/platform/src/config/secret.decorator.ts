const SECRET_KEYS = Symbol('candor:secret-config-keys');

/** Marks a configuration value as secret: it is never logged or echoed. */
export function Secret(): PropertyDecorator {
  return (target, propertyKey) => {
    const keys: Set<string | symbol> = Reflect.getMetadata(SECRET_KEYS, target) ?? new Set();
    keys.add(propertyKey);
    Reflect.defineMetadata(SECRET_KEYS, keys, target);
  };
}

/** The configuration with secret values masked, safe to log at start. */
export function redactedConfig(config: object): Record<string, unknown> {
  const secrets: Set<string | symbol> = Reflect.getMetadata(SECRET_KEYS, Object.getPrototypeOf(config)) ?? new Set();
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, secrets.has(key) && value ? '***' : value]),
  );
}
