/**
 * Access privileges of an identifier (`GET identifier/getAccessPrivileges`).
 *
 * In Aktion, privileges (which doors, when) come from the person an identifier
 * is assigned to and are managed elsewhere; the WebAPI only lists them. The
 * simulator derives a small list from the identifier number alone, so the
 * answer is the same on every start and for every seed. The item shape is not
 * in the documents we have: Id, Name, and the validity range.
 */
import { SeededRandom } from '../../../sandbox/random';
import { formatAktionDate } from './dates';

export interface AccessPrivilegeWire {
  Id: number;
  Name: string;
  ValidFrom: string | null;
  ValidTo: string | null;
}

const PRIVILEGES: readonly { id: number; name: string }[] = [
  { id: 1, name: 'Main entrance' },
  { id: 2, name: 'Reception' },
  { id: 3, name: 'Office floor 2' },
  { id: 4, name: 'Server room' },
  { id: 5, name: 'Warehouse' },
  { id: 6, name: 'Parking garage' },
  { id: 7, name: 'Canteen' },
  { id: 8, name: 'Laboratory' },
  { id: 9, name: 'Night shift 22:00-06:00' },
];

const YEAR_2024 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

/** One to three privileges, fixed for a given (normalised) InternalNrLong. */
export function accessPrivilegesFor(internalNr: string): AccessPrivilegeWire[] {
  const random = new SeededRandom(fnv1a(internalNr));
  const count = random.int(1, 3);
  const pool = [...PRIVILEGES];
  const result: AccessPrivilegeWire[] = [];
  for (let i = 0; i < count; i++) {
    const [privilege] = pool.splice(random.int(0, pool.length - 1), 1);
    const limited = random.chance(0.3);
    const from = YEAR_2024 + random.int(0, 365) * DAY;
    result.push({
      Id: privilege!.id,
      Name: privilege!.name,
      ValidFrom: limited ? formatAktionDate(from) : null,
      ValidTo: limited ? formatAktionDate(from + random.int(30, 730) * DAY) : null,
    });
  }
  return result.sort((a, b) => a.Id - b.Id);
}

/** 32-bit FNV-1a: a stable seed from a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
