/** Who is calling the gateway, as established by authentication. */
export interface Caller {
  kind: 'anonymous' | 'jwt' | 'apiKey';
  /** JWT subject or API key label; never the credential itself. */
  id: string;
  scopes: ReadonlySet<string>;
}

/** Scope that lets a caller see card track data (CardWizard read results). */
export const TRACK_DATA_SCOPE = 'keyway:trackdata';

export const ANONYMOUS: Caller = { kind: 'anonymous', id: 'anonymous', scopes: new Set() };
