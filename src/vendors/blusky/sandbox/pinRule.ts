/**
 * What a PIN may be. BluSKY does not publish its rule; keypad PINs on access
 * control readers are short digit strings, so the simulator accepts 4 to 8
 * digits. The message never repeats the PIN.
 */
export const PIN_PATTERN = /^\d{4,8}$/;

export function pinProblem(pin: string | null): string | undefined {
  return pin === null || PIN_PATTERN.test(pin) ? undefined : 'PIN must be 4 to 8 digits.';
}
