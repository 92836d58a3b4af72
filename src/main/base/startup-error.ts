/** Why the core could not start; the CLI prints `message` as its one-line reason. */
export type StartupErrorCode =
  | 'PORT_IN_USE'
  | 'LISTEN_FAILED'
  | 'DATA_DIR_UNUSABLE'
  | 'DATA_DIR_LOCKED'
  | 'DATABASE_CORRUPT'
  | 'DATABASE_TOO_NEW'
  | 'MIGRATION_CHANGED'
  | 'SEED_INVALID'
  | 'SQLITE_BINDING';

export class StartupError extends Error {
  constructor(
    readonly code: StartupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
