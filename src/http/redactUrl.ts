/**
 * Vendor URLs can carry secrets in the query string (Aktion sends its session token as `?Token=`).
 * Every URL that reaches a log or an error message goes through here first.
 */
const SECRET_PARAM = /token|key|secret|password|jwt|pin|signature/i;

export function redactPathAndQuery(pathAndQuery: string): string {
  const index = pathAndQuery.indexOf('?');
  if (index < 0) return pathAndQuery;
  const params = new URLSearchParams(pathAndQuery.slice(index + 1));
  for (const name of [...params.keys()]) {
    if (SECRET_PARAM.test(name)) params.set(name, 'redacted');
  }
  return `${pathAndQuery.slice(0, index)}?${params.toString()}`;
}
