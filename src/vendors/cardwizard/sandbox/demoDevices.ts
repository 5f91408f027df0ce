/**
 * The CMC devices the simulator knows. Ids are fixed (not seeded) so the
 * README and tests can name them; each device has one deterministic behaviour
 * so every documented exception can be provoked on purpose.
 */
import type { CardWizardExceptionName } from './exceptions';

export type DeviceBehaviour =
  /** Accepts the request; a card is "presented" after `completeAfterMs` and its tracks are read. */
  | { kind: 'reads' }
  /** Accepts the request; nobody ever presents a card, so it stays Pending until cancelled. */
  | { kind: 'idle' }
  /** Refuses `beginreadcard` at once with this exception (no request is created). */
  | { kind: 'rejects'; exception: CardWizardExceptionName }
  /** Accepts the request (201 + id), then the read itself fails with this exception after `completeAfterMs`. */
  | { kind: 'failsWhileReading'; exception: CardWizardExceptionName };

export interface DemoDevice {
  id: number;
  name: string;
  location: string;
  behaviour: DeviceBehaviour;
}

export const demoDevices: readonly DemoDevice[] = [
  { id: 1, name: 'CMC-FRONTDESK-01', location: 'Lobby, front desk 1', behaviour: { kind: 'reads' } },
  { id: 2, name: 'CMC-FRONTDESK-02', location: 'Lobby, front desk 2', behaviour: { kind: 'reads' } },
  { id: 3, name: 'CMC-BADGE-OFFICE', location: 'Security office, badge station 3', behaviour: { kind: 'reads' } },
  { id: 4, name: 'CMC-LOADING-DOCK', location: 'Loading dock (unattended)', behaviour: { kind: 'idle' } },
  {
    id: 90,
    name: 'CMC-UNLICENSED',
    location: 'Training room',
    behaviour: { kind: 'rejects', exception: 'NotAuthorizedForClientException' },
  },
  {
    id: 91,
    name: 'CMC-RETIRED-PC',
    location: 'Decommissioned workstation',
    behaviour: { kind: 'rejects', exception: 'PCNameNotFoundException' },
  },
  {
    id: 92,
    name: 'CMC-HR-RESTRICTED',
    location: 'HR office',
    behaviour: { kind: 'rejects', exception: 'ReadCardNotAuthorizedException' },
  },
  {
    id: 93,
    name: 'CMC-NEW-INSTALL',
    location: 'Annex, not yet configured',
    behaviour: { kind: 'rejects', exception: 'CardFormatCMCNotConfiguredException' },
  },
  {
    id: 94,
    name: 'CMC-FLAKY',
    location: 'Parking garage kiosk',
    behaviour: { kind: 'rejects', exception: 'CardRequestException' },
  },
  {
    id: 95,
    name: 'CMC-EMPTY-HOPPER',
    location: 'Visitor centre kiosk',
    behaviour: { kind: 'failsWhileReading', exception: 'CMCDeviceWithoutStockException' },
  },
  {
    id: 96,
    name: 'CMC-JAMMED',
    location: 'Mail room',
    behaviour: { kind: 'rejects', exception: 'CMCDeviceWithoutStockException' },
  },
];

/** A one-line description of a behaviour, for the README and logs. */
export function describeBehaviour(behaviour: DeviceBehaviour): string {
  switch (behaviour.kind) {
    case 'reads':
      return 'completes with demo track data';
    case 'idle':
      return 'stays Pending until cancelled';
    case 'rejects':
      return `beginreadcard fails at once with ${behaviour.exception}`;
    case 'failsWhileReading':
      return `request is created, then Failed with ${behaviour.exception}`;
    default:
      return unreachable(behaviour);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unexpected device behaviour: ${JSON.stringify(value)}`);
}
