/** A configuration problem: the process stops at start with this message (see src/index.ts). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
