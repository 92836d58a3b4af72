import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';

export const ping: RouteDef = {
  method: 'GET',
  path: '/api/v4/system/ping',
  handle: () =>
    json(200, {
      ActiveSearchBackend: 'database',
      AndroidLatestVersion: '',
      AndroidMinVersion: '',
      IosLatestVersion: '',
      IosMinVersion: '',
      status: 'OK',
    }),
};
