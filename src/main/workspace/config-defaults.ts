import { randomBytes } from 'node:crypto';

/**
 * The config of a fresh Mattermost 11.6 server, for the settings Mockmost reads or an
 * integration can observe (values from server/public/model/config.go SetDefaults). `serve`
 * then sets SiteURL and AllowedUntrustedInternalConnections (README: The seeded workspace).
 */
export type MattermostConfig = Record<string, Record<string, unknown>>;

export function freshConfig(siteUrl: string): MattermostConfig {
  return {
    ServiceSettings: {
      SiteURL: siteUrl,
      ListenAddress: ':8065',
      MaximumPayloadSizeBytes: 300000,
      MaximumURLLength: 2048,
      EnableIncomingWebhooks: true,
      EnableOutgoingWebhooks: true,
      EnableOutgoingOAuthConnections: false,
      EnableCommands: true,
      EnablePostUsernameOverride: false,
      EnablePostIconOverride: false,
      EnableLinkPreviews: true,
      EnableUserAccessTokens: false,
      EnableBotAccountCreation: false,
      EnableDeveloper: false,
      CollapsedThreads: 'always_on',
      ThreadAutoFollow: true,
      EnableTesting: false,
      EnableInsecureOutgoingConnections: false,
      OutgoingIntegrationRequestsTimeout: 30,
      AllowedUntrustedInternalConnections: '127.0.0.0/8 ::1/128 localhost',
      SessionLengthWebInHours: 720,
      SessionLengthMobileInHours: 720,
      SessionLengthSSOInHours: 720,
      EnableLatex: false,
      EnableInlineLatex: true,
      PostPriority: true,
      AllowCorsFrom: '',
      StrictCSRFEnforcement: false,
    },
    TeamSettings: {
      SiteName: 'Mattermost',
      MaxUsersPerTeam: 50,
      EnableOpenServer: false,
      TeammateNameDisplay: 'username',
      MaxChannelsPerTeam: 2000,
      ExperimentalViewArchivedChannels: true,
    },
    LogSettings: {
      EnableWebhookDebugging: true,
      ConsoleLevel: 'INFO',
    },
    DisplaySettings: {
      CustomURLSchemes: [],
      MaxMarkdownNodes: 0,
    },
    FileSettings: {
      EnableFileAttachments: true,
      MaxFileSize: 104857600,
      MaxImageResolution: 33177600,
      EnablePublicLink: false,
      // SetDefaults draws a random 32-character salt for a server that has none.
      PublicLinkSalt: randomBytes(24).toString('base64url'),
    },
  };
}
