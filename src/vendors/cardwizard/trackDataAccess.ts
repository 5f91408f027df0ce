/**
 * Who may see the track data of a card read: the one check, used by CardReadRequest.trackData.
 *
 * Track data is what a card carries; whoever has it can copy the card. A caller sees it when
 *   - it holds the `keyway:trackdata` scope (a JWT scope or an API-key scope, see src/security), or
 *   - the gateway shows track data to everyone: `CARD_READ_TRACK_DATA_VISIBLE=true`, which is the
 *     default in sandbox mode (demo data only) and off in live mode.
 * Nobody else, and never in a log line.
 */
import type { GatewayContext } from '../../context';
import { TRACK_DATA_SCOPE } from '../../security/caller';

export function canSeeTrackData(context: Pick<GatewayContext, 'trackDataVisible' | 'caller'>): boolean {
  return context.trackDataVisible || context.caller.scopes.has(TRACK_DATA_SCOPE);
}
