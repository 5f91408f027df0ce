/**
 * Chip serial numbers and Aktion internal numbers are the same hexadecimal number written by two
 * vendors: CardExchange keeps what was entered (e.g. `04A1B2C3D4E5F6`), Aktion removes leading
 * zeros (documented) and we compare case-blind. Both sides go through `normaliseHexNumber`
 * before they are compared or looked up.
 */
const HEX = /^[0-9a-fA-F]+$/;

export function isHexNumber(value: string): boolean {
  return HEX.test(value);
}

/** Upper case, leading zeros removed; an all-zero number keeps one `0`. */
export function normaliseHexNumber(value: string): string {
  const stripped = value.trim().toUpperCase().replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}
