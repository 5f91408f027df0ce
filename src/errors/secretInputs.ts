/**
 * Input values that are secrets (a card PIN, a cardholder's login password): write-only. They are sent to the vendor and nowhere
 * else: no field returns them, no log line holds them, and no error message repeats them. GraphQL
 * itself would repeat them (graphql-js quotes an invalid variable value, or a whole input object
 * with a missing field, in its error message), so every error message leaving the gateway is
 * masked with the secret values found in that request (secretMaskingPlugin.ts, subscriptions.ts).
 */

/** Input field names (any case, any depth) whose values are secrets. */
export const SECRET_INPUT_FIELDS: ReadonlySet<string> = new Set(['pin', 'password']);

export const SECRET_MASK = '[hidden]';

/** Secret values in a request's variables and in literals of its query text. */
export function secretValuesOf(variables: unknown, query?: string | null): string[] {
  const found = new Set<string>();
  collectFromValue(variables, found, 0);
  if (query) collectFromQuery(query, found);
  return [...found].filter((value) => value !== '');
}

/** `text` with every occurrence of every secret replaced (longest first, so overlaps mask fully). */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== '') masked = masked.split(secret).join(SECRET_MASK);
  }
  return masked;
}

function collectFromValue(value: unknown, found: Set<string>, depth: number): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_INPUT_FIELDS.has(key.toLowerCase()) && (typeof inner === 'string' || typeof inner === 'number')) {
      found.add(String(inner));
    } else {
      collectFromValue(inner, found, depth + 1);
    }
  }
}

/** `pin: "1234"`, `pin: 1234` or `pin: """1234"""` written into the query itself (not a variable). */
function collectFromQuery(query: string, found: Set<string>): void {
  const names = [...SECRET_INPUT_FIELDS].join('|');
  const literal = new RegExp(`\\b(?:${names})\\s*:\\s*("""[\\s\\S]*?"""|"(?:[^"\\\\]|\\\\.)*"|[-+.\\w]+)`, 'gi');
  for (const match of query.matchAll(literal)) {
    const raw = match[1]!;
    if (raw.startsWith('$')) continue;
    if (raw.startsWith('"""')) found.add(raw.slice(3, -3));
    else if (raw.startsWith('"')) {
      try {
        found.add(JSON.parse(raw) as string);
      } catch {
        found.add(raw.slice(1, -1));
      }
      found.add(raw.slice(1, -1));
    } else found.add(raw);
  }
}
