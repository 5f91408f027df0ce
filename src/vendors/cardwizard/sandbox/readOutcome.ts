/**
 * Decides, when a card request is created, how its read will end. Deciding up
 * front (rather than at read time) keeps the simulator deterministic for a
 * seed and lets the store compute the state from the clock alone, with no timers.
 */
import type { SeededRandom } from '../../../sandbox/random';
import type { DeviceBehaviour } from './demoDevices';
import type { CardWizardExceptionName } from './exceptions';
import { demoTrackData } from './trackData';
import type { TrackData } from './tracking';

export type ReadOutcome =
  | { kind: 'completes'; trackData: TrackData }
  | { kind: 'fails'; exception: CardWizardExceptionName; message: string }
  /** Nobody presents a card: Pending until cancelled. */
  | { kind: 'neverEnds' };

/**
 * A device message containing this marker (case-insensitive) makes a read on a
 * healthy device fail with CardRequestException: a way to provoke a failed read
 * on any device without a dedicated one. A plain word like "fail" would trip
 * real-looking messages ("failover desk"), hence the explicit marker.
 */
export const SIMULATE_FAILURE_MARKER = 'simulate-failure';

export function planReadOutcome(
  behaviour: Exclude<DeviceBehaviour, { kind: 'rejects' }>,
  deviceMessage: string,
  random: SeededRandom,
): ReadOutcome {
  if (behaviour.kind === 'idle') return { kind: 'neverEnds' };
  if (behaviour.kind === 'failsWhileReading') {
    return { kind: 'fails', exception: behaviour.exception, message: defaultMessageFor(behaviour.exception) };
  }
  if (deviceMessage.toLowerCase().includes(SIMULATE_FAILURE_MARKER)) {
    return {
      kind: 'fails',
      exception: 'CardRequestException',
      message: 'The card could not be read; retry or cancel the card request.',
    };
  }
  return { kind: 'completes', trackData: demoTrackData(random) };
}

function defaultMessageFor(exception: CardWizardExceptionName): string {
  return exception === 'CMCDeviceWithoutStockException'
    ? 'CMC Device Error while reading track data: the device has no stock.'
    : `The read failed with ${exception}.`;
}
