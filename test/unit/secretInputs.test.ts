import { maskSecrets, secretValuesOf } from '../../src/errors/secretInputs';

describe('secret input values (the PIN)', () => {
  it('finds a pin at any depth of the variables, in any case, as a string or a number', () => {
    expect(secretValuesOf({ input: { userId: 'u', PIN: '4821' }, other: [{ nested: { pin: 1234 } }] }).sort()).toEqual(['1234', '4821']);
  });

  it('finds pins written into the query as string, block string or number literals, but not variable references', () => {
    const query = 'mutation { a: addUserCard(input: { pin: "1111" }) { userCardId } b: addUserCard(input: { pin: """2222""" }) { userCardId } c: addUserCard(input: { pin: 3333 }) { userCardId } d: addUserCard(input: { pin: $p }) { userCardId } }';
    expect(secretValuesOf(undefined, query).sort()).toEqual(['1111', '2222', '3333']);
  });

  it('ignores fields that are not secrets and empty values', () => {
    expect(secretValuesOf({ input: { pinned: '1', spin: '2', pin: '' } })).toEqual([]);
  });

  it('masks every occurrence, longer secrets first so that overlapping ones leave nothing behind', () => {
    expect(maskSecrets('got 123456 and 1234 and 12345678', ['1234', '12345678'])).toBe('got [hidden]56 and [hidden] and [hidden]');
  });
});
