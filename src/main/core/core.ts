import type { KeepRule } from '../store/retention';
import type { DeliveredEphemeral, OpenedDialog, SeedSummary, SettingSource, WorkspaceSeed } from '../../shared/contract/control-api';
import type { SeedFile } from '../../shared/contract/seed';
import type { Store } from '../store/store';
import type { MattermostConfig } from '../workspace/config-defaults';
import type { TriggerIds } from '../caller/trigger-ids';
import type { ActionCookies } from '../caller/action-cookies';
import type { RecentLog } from '../base/recent-log';
import type { WorkspaceEvents } from '../workspace/workspace-events';

export interface CoreOptions {
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  host: string;
  dataDir: string;
  /** Path of a seed file replacing the default workspace. */
  seedFile?: string;
  /** A seed given as an object (the testing library's `seed`), used as `seedFile` is; `seedFile` wins. */
  seed?: unknown;
  /** Control API token; random when absent. */
  token?: string;
  /** Folder with the built renderer (index.html); the UI routes answer 404 without it. */
  rendererDir?: string;
  /** Recording proxy names → integration base URLs (`serve --proxy name=URL`). */
  proxies?: Record<string, string>;
  /** How much captured history to keep (a count, an age or a size); older exchanges are pruned in the background. */
  keepExchanges?: KeepRule;
  /** Where the core reports things worth a line in a log. */
  log?: (line: string) => void;
}

/** The running Mockmost: store, mock server and control API. The CLI and Electron both build one. */
export interface Core {
  readonly store: Store;
  readonly options: CoreOptions;
  readonly token: string;
  /** Committed workspace changes, for the WebSocket. */
  readonly events: WorkspaceEvents;
  /** Ephemeral posts delivered lately (Mattermost keeps none). */
  readonly ephemerals: RecentLog<DeliveredEphemeral>;
  /** Dialogs opened lately: the UI shows them, as Mattermost's web app does on open_dialog. */
  readonly dialogs: RecentLog<OpenedDialog>;
  /** Seals the cookies that let clients click actions on ephemeral posts. */
  readonly actionCookies: ActionCookies;
  /** Signs the trigger ids handed to integrations. */
  readonly triggerIds: TriggerIds;
  /** `http://HOST:PORT`, known once started. */
  readonly url: string;
  config(): MattermostConfig;
  /** Drops the workspace and seeds it afresh; keeps the exchanges unless asked. */
  reset(opts?: { exchanges?: boolean }): Promise<SeedSummary>;
  /** The seed resets use: the `--seed` file, else the one in the settings, else the built-in one. */
  seed(): WorkspaceSeed;
  /** Stores `seed` in the settings (undefined: back to the built-in one) and resets the workspace with it. */
  replaceSeed(seed: SeedFile | undefined, opts?: { exchanges?: boolean }): Promise<SeedSummary>;
  /** How much captured history is kept now, and why. */
  keepRule(): { rule: KeepRule | undefined; source: SettingSource };
  /** Stores the rule in the settings (undefined: keep everything) and applies it at once. */
  setKeepRule(rule: KeepRule | undefined): void;
  start(): Promise<void>;
  /** Stops accepting, lets in-flight requests finish, closes the database. */
  stop(): Promise<void>;
}
