/**
 * The benchmark's scenarios: realistic operations a frontend sends, as GraphQL documents with
 * their variables. The request-count tests (test/integration/benchScenarioCounts.test.ts) send
 * exactly these documents, so what the benchmark measures and what CI guards are the same thing.
 *
 * Each scenario also names the baseline route (bench/baselineProcess.ts) that makes the same
 * vendor calls by hand and answers the same JSON without GraphQL.
 */

/** The demo persona of the CardExchange simulator (constant for every seed). */
export const BENCH_PERSON_ID = '6f9619ff-8b86-4d01-b42d-00cf4fc964ff';

/** Page size of the list scenarios. */
export const BENCH_PAGE_SIZE = 50;

export type ScenarioId = 'person' | 'peoplePage' | 'cardPage' | 'identifierWrite' | 'peoplePageNoDataLoader';

export interface Scenario {
  id: ScenarioId;
  /** Number in the issue (1-5), for tables. */
  number: number;
  title: string;
  query: string;
  /** Variables for the `sequence`-th operation of a run (writes need a fresh identifier each time). */
  variables(sequence: number): Record<string, unknown>;
  /** Baseline route answering the same JSON; scenario 5 has none (it is scenario 2's). */
  baselinePath: string | null;
  /** Whether the gateway must run with DataLoader disabled (bench-only switch). */
  dataLoaderDisabled: boolean;
  /** True when a response body is a complete success (no errors, no userErrors). */
  isSuccess(body: string): boolean;
}

export const PERSON_QUERY = /* GraphQL */ `
  query PersonDetail($id: ID!) {
    person(id: $id) {
      id
      personNumber
      firstName
      middleName
      lastName
      birthDate
      gender
      prefix
      suffix
      phoneNumber
      mobileNumber
      status
      identificationType
      identificationValue
      addressPreference
      metadata
      created
    }
  }
`;

/**
 * A people list page. The card row is the app's shared card fragment, which shows the name printed
 * on the card (a cardholder field): the embedded cardholder is primed, so it costs no call.
 */
export const PEOPLE_PAGE_QUERY = /* GraphQL */ `
  query PeopleListPage($first: Int!) {
    persons(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        personNumber
        firstName
        lastName
        status
        created
        addresses { id type streetAddress locality postalCode country }
        cardholders {
          id
          profileNumber
          status
          nameOnCard
          startDate
          endDate
          cards {
            id
            cardNumber
            chipSerialNumber
            status
            endDate
            cardholder { id nameOnCard }
          }
        }
      }
    }
  }
`;

export const CARD_PAGE_QUERY = /* GraphQL */ `
  query CardListPage($first: Int!) {
    cards(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        cardNumber
        chipSerialNumber
        status
        startDate
        endDate
        cardholder {
          id
          profileNumber
          nameOnCard
          status
          person { id firstName lastName }
        }
        identifier {
          internalNumber
          registrationNumber
          technology
          type
          status
          locked
          validTo
        }
      }
    }
  }
`;

export const IDENTIFIER_WRITE_MUTATION = /* GraphQL */ `
  mutation IdentifierWrite($create: CreateIdentifierInput!, $update: UpdateIdentifierInput!) {
    createIdentifier(input: $create) {
      identifier { internalNumber registrationNumber technology type status locked }
      userErrors { field message code }
    }
    updateIdentifier(input: $update) {
      identifier { internalNumber registrationNumber status locked }
      unchanged
      userErrors { field message code }
    }
  }
`;

/**
 * A fresh internal number for the `sequence`-th write: `BE4C` and 12 hex digits, clear of the
 * simulator's seeded chip serials and its reserved `DEAD....` numbers. `runTag` keeps runs against
 * one simulator apart (the gateway's and the baseline's phases share it).
 */
export function benchInternalNumber(runTag: number, sequence: number): string {
  return `BE4C${(runTag & 0xff).toString(16).toUpperCase().padStart(2, '0')}${sequence.toString(16).toUpperCase().padStart(10, '0')}`;
}

export function identifierWriteVariables(internalNumber: string): Record<string, unknown> {
  return {
    create: { internalNumber, registrationNumber: `R-${internalNumber}`, technology: 'MIFARE', type: 'CARD' },
    update: { internalNumber, registrationNumber: `R-${internalNumber}-2`, locked: true },
  };
}

const noErrors = (body: string) => body.startsWith('{"data":') && !body.includes('"errors":');

export function createScenarios(runTag = 0): Scenario[] {
  return [
    {
      id: 'person',
      number: 1,
      title: 'person(id) with its fields',
      query: PERSON_QUERY,
      variables: () => ({ id: BENCH_PERSON_ID }),
      baselinePath: '/person',
      dataLoaderDisabled: false,
      isSuccess: (body) => noErrors(body) && !body.includes('"person":null'),
    },
    {
      id: 'peoplePage',
      number: 2,
      title: `persons(first: ${BENCH_PAGE_SIZE}) with addresses, cardholders, cards`,
      query: PEOPLE_PAGE_QUERY,
      variables: () => ({ first: BENCH_PAGE_SIZE }),
      baselinePath: '/people-page',
      dataLoaderDisabled: false,
      isSuccess: noErrors,
    },
    {
      id: 'cardPage',
      number: 3,
      title: `cards(first: ${BENCH_PAGE_SIZE}) with cardholder, person, identifier`,
      query: CARD_PAGE_QUERY,
      variables: () => ({ first: BENCH_PAGE_SIZE }),
      baselinePath: '/card-page',
      dataLoaderDisabled: false,
      isSuccess: noErrors,
    },
    {
      id: 'identifierWrite',
      number: 4,
      title: 'createIdentifier then updateIdentifier',
      query: IDENTIFIER_WRITE_MUTATION,
      variables: (sequence) => identifierWriteVariables(benchInternalNumber(runTag, sequence)),
      baselinePath: '/identifier-write',
      dataLoaderDisabled: false,
      isSuccess: (body) => noErrors(body) && !body.includes('"identifier":null') && body.split('"userErrors":[]').length === 3,
    },
    {
      id: 'peoplePageNoDataLoader',
      number: 5,
      title: 'scenario 2 with DataLoader disabled',
      query: PEOPLE_PAGE_QUERY,
      variables: () => ({ first: BENCH_PAGE_SIZE }),
      baselinePath: null,
      dataLoaderDisabled: true,
      isSuccess: noErrors,
    },
  ];
}

/** The JSON body of one GraphQL request (the baseline receives the same body). */
export function requestBody(scenario: Scenario, sequence: number): string {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables(sequence) });
}
