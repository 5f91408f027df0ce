import { documentedException, exceptionClassName } from '../../../src/vendors/cardwizard/exceptions';
import { statusOfState, toCardRead } from '../../../src/vendors/cardwizard/mapping';
import { CARD_REQUEST_STATE } from '../../../src/vendors/cardwizard/tracking';

describe('CardWizard mapping', () => {
  it('maps every tracked state name to its status, case-insensitively, and anything else to UNKNOWN', () => {
    expect(Object.values(CARD_REQUEST_STATE).map(statusOfState)).toEqual(['PENDING', 'COMPLETED', 'FAILED', 'CANCELLED']);
    expect(statusOfState('completed')).toBe('COMPLETED');
    expect(statusOfState('Paused')).toBe('UNKNOWN');
    expect(statusOfState(undefined)).toBe('UNKNOWN');
  });

  it('recognises documented exceptions by their full .NET name, with or without the help page prefix', () => {
    expect(exceptionClassName('T:DCG.Card.CardRequestException')).toBe('CardRequestException');
    expect(documentedException({ ExceptionType: 'DCG.CMC.CMCDeviceWithoutStockException' })?.code).toBe('DEVICE_ERROR');
    expect(documentedException({ ExceptionType: 'System.NullReferenceException' })).toBeUndefined();
    expect(documentedException({ Message: 'No CMC device with id 7 was found.' })).toBeUndefined();
  });

  it('keeps track data only for a completed read and a failure only for a failed one', () => {
    const key = { deviceId: 3, id: 'r-1' };
    const tracks = { Track1: 'T1', Track2: 'T2', Track3: null };
    expect(toCardRead({ State: 'Pending', TrackData: tracks, CompletedAt: '2026-01-01T00:00:00Z' }, key)).toMatchObject({ trackData: null, endedAt: null });
    expect(toCardRead({ State: 'Completed', TrackData: tracks }, key).trackData).toEqual({ track1: 'T1', track2: 'T2', track3: null });
    expect(toCardRead({ State: 'Failed', Error: { ExceptionType: 'DCG.Card.CardRequestException', Message: 'jammed' } }, key).failure).toEqual({
      code: 'RETRY_OR_CANCEL',
      message: expect.stringContaining('jammed'),
    });
    expect(toCardRead({ State: 'Failed', Error: { ExceptionType: 'Other.Exception' } }, key).failure?.code).toBe('REJECTED_BY_VENDOR');
    // The id asked for is kept even if the answer's own Id differs in case or form.
    expect(toCardRead({ Id: 'R-1', State: 'Pending' }, key).id).toBe('r-1');
  });
});
