/** RFC 6901 pointers; node ids and property names typed by tenants may contain '/' or '~'. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function nodePointer(nodeId: string, suffix = ''): string {
  return `/nodes/${escapePointerToken(nodeId)}${suffix}`;
}

/** The node a pointer lies in, if any. */
export function nodeIdOf(path: string): string | null {
  const match = /^\/nodes\/([^/]+)/.exec(path);
  return match ? unescapePointerToken(match[1]) : null;
}
