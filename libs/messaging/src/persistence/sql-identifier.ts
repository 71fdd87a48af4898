/** Schema names are interpolated into SQL: allow only plain lower-case identifiers. */
export function assertSqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Not a safe SQL identifier: ${JSON.stringify(name)}`);
  }
  return name;
}
