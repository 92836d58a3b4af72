import type { SeedFile } from './seed-schema';

/** The workspace of a fresh data dir (README: The seeded workspace). */
export const DEFAULT_SEED: SeedFile = {
  teams: [{ name: 'dev', display_name: 'Dev Team', type: 'O' }],
  users: [
    {
      username: 'sysadmin',
      password: 'Sys@dmin-sample1',
      email: 'sysadmin@sample.mattermost.com',
      roles: 'system_user system_admin',
      teams: ['dev'],
    },
    { username: 'user-1', password: 'SampleUs@r-1', email: 'user-1@sample.mattermost.com', roles: 'system_user', teams: ['dev'] },
  ],
  channels: [
    { team: 'dev', name: 'town-square', display_name: 'Town Square', type: 'O', members: ['sysadmin', 'user-1'] },
    { team: 'dev', name: 'off-topic', display_name: 'Off-Topic', type: 'O', members: ['sysadmin', 'user-1'] },
    { team: 'dev', name: 'private-qa', display_name: 'Private QA', type: 'P', members: ['sysadmin'] },
  ],
};
