/**
 * CardWizard's tracked card request → the gateway's CardRead, including the one explicit mapping of
 * CardWizard's state names to the CardReadStatus enum.
 */
import { CARDWIZARD_EXCEPTIONS, exceptionClassName, exceptionMessage } from './exceptions';
import { CARD_REQUEST_STATE, type CwTrackedCardRequest } from './tracking';
import type { CardRead, CardReadFailure, CardReadStatus, CardRequestKey, CardTrackData } from './types';

const STATUS_BY_STATE: Readonly<Record<string, CardReadStatus>> = {
  [CARD_REQUEST_STATE.pending.toLowerCase()]: 'PENDING',
  [CARD_REQUEST_STATE.completed.toLowerCase()]: 'COMPLETED',
  [CARD_REQUEST_STATE.failed.toLowerCase()]: 'FAILED',
  [CARD_REQUEST_STATE.cancelled.toLowerCase()]: 'CANCELLED',
};

/** Statuses after which a request never changes again. */
export const FINAL_STATUSES: ReadonlySet<CardReadStatus> = new Set<CardReadStatus>(['COMPLETED', 'FAILED', 'CANCELLED']);

export function isFinal(status: CardReadStatus): boolean {
  return FINAL_STATUSES.has(status);
}

/** A state name CardWizard did not tell us about becomes UNKNOWN (never an error: the read may still end). */
export function statusOfState(state: unknown): CardReadStatus {
  return (typeof state === 'string' && STATUS_BY_STATE[state.trim().toLowerCase()]) || 'UNKNOWN';
}

/** `key` is what the caller asked for; the answer's own Id and DeviceId are not trusted over it. */
export function toCardRead(dto: CwTrackedCardRequest, key: CardRequestKey): CardRead {
  const status = statusOfState(dto.State);
  return {
    id: key.id,
    deviceId: key.deviceId,
    status,
    requestedAt: dateOrNull(dto.RequestedAt),
    endedAt: status === 'PENDING' ? null : dateOrNull(dto.CompletedAt),
    trackData: status === 'COMPLETED' ? trackDataOf(dto.TrackData) : null,
    failure: status === 'FAILED' ? failureOf(dto.Error, key.deviceId) : null,
  };
}

/** The request `requestCardRead` just created: pending, as of the moment it was sent. */
export function newCardRead(key: CardRequestKey, sentAt: Date): CardRead {
  return { ...key, status: 'PENDING', requestedAt: sentAt.toISOString(), endedAt: null, trackData: null, failure: null };
}

function trackDataOf(raw: CwTrackedCardRequest['TrackData']): CardTrackData | null {
  if (!raw || typeof raw !== 'object') return null;
  const track = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return { track1: track(raw.Track1), track2: track(raw.Track2), track3: track(raw.Track3) };
}

function failureOf(raw: CwTrackedCardRequest['Error'], deviceId: number): CardReadFailure {
  const type = typeof raw?.ExceptionType === 'string' ? raw.ExceptionType : '';
  const rule = type ? CARDWIZARD_EXCEPTIONS[exceptionClassName(type)] : undefined;
  if (rule) return { code: rule.code, message: exceptionMessage(rule, deviceId, raw?.Message) };
  const said = typeof raw?.Message === 'string' && raw.Message.trim() !== '' ? `: ${raw.Message.trim().slice(0, 300)}` : '.';
  return { code: 'REJECTED_BY_VENDOR', message: `CardWizard reported that the card read failed${said}` };
}

function dateOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
