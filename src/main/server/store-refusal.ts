import type { Core } from '../core/core';
import { storageFailure } from '../store/storage-failure';
import { AppError } from '../workspace/app-error';

export const STORE_REFUSED_ID = 'mockmost.store.write.app_error';

/**
 * The answer to a request the store could not keep (a full disk, a data dir made read-only): 503,
 * as a server that is unavailable for now, so the client may send it again later. Undefined when
 * `error` did not come from the store.
 */
export function refusedByStore(core: Core, error: unknown): AppError | undefined {
  const why = storageFailure(error);
  if (why === undefined) return undefined;
  core.store.health.refused(why, error);
  return new AppError(
    503,
    STORE_REFUSED_ID,
    `Mockmost could not store this request: ${why}. Send it again once that is fixed.`,
    String(error),
  );
}
