/**
 * Fills a store with the deterministic demo tenant: the fixed demo persona, then seeded persons
 * with addresses, cardholders and cards, productions for the cards in production and a few
 * anonymous sets. The same seed and person count always give the same data, ids included.
 */
import { SeededRandom } from '../../../../sandbox/random';
import { addAnonymousMembers, createAnonymousSet } from '../anonymous';
import { BUSINESS_UNITS, COST_ACCOUNTS, DEPARTMENTS, EXTERNAL_COMPANIES, LOCATIONS } from '../catalog';
import { seededEntropy } from '../entropy';
import { CardExchangeStore } from '../store';
import { CONTRACTOR, pickProfile, seedCardholders, STUDENT, TEMPORARY, VISITOR } from './badges';
import { coverEnums } from './coverage';
import { addDemoPersona, demoIds } from './demo';
import { seedPerson } from './people';

export const CARDEXCHANGE_DEFAULT_SEED = 20_240_917;
export const CARDEXCHANGE_DEFAULT_PERSON_COUNT = 300;

const HOUR = 3_600_000;
const FIRST_CREATED = Date.parse('2021-01-04T09:00:00.000Z');

export function seedStore(store: CardExchangeStore, seed: number, personCount: number): void {
  const rng = new SeededRandom(seed);
  const clock = { at: new Date(FIRST_CREATED) };
  const liveEntropy = store.entropy;
  store.entropy = seededEntropy(rng, clock);
  try {
    if (personCount > 0) addDemoPersona(store);
    for (let i = 1; i < personCount; i += 1) {
      // Roughly three persons a week over a few years, during office hours.
      clock.at = new Date(clock.at.getTime() + rng.int(1, 4) * 24 * HOUR + rng.int(-3, 3) * HOUR);
      const profile = pickProfile(rng);
      const { person } = seedPerson(store, rng, profile, clock.at);
      seedCardholders(store, rng, person, profile);
    }
    coverEnums(store, rng, new Set(Object.values(demoIds)));
    seedProductions(store, rng);
    seedAnonymousSets(store, clock);
    store.seedChipSerialNumbers = [...store.cards.values()].map((card) => card.chipserialNumber);
  } finally {
    store.entropy = liveEntropy;
  }
}

/** Every seeded card in production has its record; some are printed already, awaiting pickup. */
function seedProductions(store: CardExchangeStore, rng: SeededRandom): void {
  for (const card of store.cards.values()) {
    if (card.status !== 'in_production' || store.productionOf(card.id)) continue;
    const cardholder = card.cardholder ? store.cardholders.get(card.cardholder) : undefined;
    const printed = rng.chance(0.35);
    store.addProduction({
      id: rng.guid(),
      person: cardholder?.person ?? null,
      cardholder: cardholder?.id ?? null,
      card: card.id,
      nameOnCard: cardholder?.nameOnCard ?? null,
      chipserialNumber: card.chipserialNumber,
      userName: rng.pick(['m.jansen', 'print-station-01', 'a.okafor', 'api']),
      exported: rng.chance(0.4),
      printedOn: printed ? new Date(Date.parse(card.created) + rng.int(1, 5) * 24 * HOUR).toISOString() : null,
      numberOfTries: printed ? rng.int(1, 3) : 0,
    });
  }
}

function seedAnonymousSets(store: CardExchangeStore, clock: { at: Date }): void {
  const sets = [
    { profile: VISITOR, name: 'Visitor pass', quantity: 8, id: demoIds.anonymousSet, options: { location: LOCATIONS[0], note: 'Return at the reception desk' } },
    { profile: CONTRACTOR, name: 'Contractor day pass', quantity: 6, options: { externalCompany: EXTERNAL_COMPANIES[1], businessUnit: BUSINESS_UNITS[4] } },
    { profile: VISITOR, name: 'Conference badge', quantity: 10, options: { location: LOCATIONS[3], department: DEPARTMENTS[5] } },
    { profile: TEMPORARY, name: 'Warehouse temp', quantity: 5, options: { location: LOCATIONS[1], businessUnit: BUSINESS_UNITS[1], costAccount: COST_ACCOUNTS[3] } },
    { profile: STUDENT, name: 'Open day student', quantity: 4, options: { location: LOCATIONS[2] } },
  ];
  for (const definition of sets) {
    clock.at = new Date(clock.at.getTime() + 7 * 24 * HOUR);
    const set = createAnonymousSet(store, definition.profile, definition.name, definition.id);
    addAnonymousMembers(store, set, definition.quantity, definition.options);
  }
}

const serialCache = new Map<string, readonly string[]>();

/**
 * The chip serial numbers of the demo cards for a seed, without starting a simulator: the Aktion
 * simulator seeds identifiers with these so cards and identifiers link up across vendors.
 */
export function demoChipSerialNumbers(
  seed = CARDEXCHANGE_DEFAULT_SEED,
  personCount = CARDEXCHANGE_DEFAULT_PERSON_COUNT,
): readonly string[] {
  const key = `${seed}:${personCount}`;
  let serials = serialCache.get(key);
  if (!serials) {
    const store = new CardExchangeStore();
    seedStore(store, seed, personCount);
    serials = store.seedChipSerialNumbers;
    serialCache.set(key, serials);
  }
  return serials;
}
