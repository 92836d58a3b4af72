import { create } from 'zustand';
import { createChannelSlice, type ChannelSlice } from '../features/channel/channel-slice';
import { createIntegrationsSlice, type IntegrationsSlice } from '../features/integrations/integrations-slice';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice';
import { createTrafficSlice, type TrafficSlice } from '../features/traffic/traffic-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

/** The UI's one store, one slice per feature; components select the fields they read. */
export type AppState = SessionSlice & SettingsSlice & ChannelSlice & TrafficSlice & IntegrationsSlice;

export const useApp = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createSettingsSlice(...a),
  ...createChannelSlice(...a),
  ...createTrafficSlice(...a),
  ...createIntegrationsSlice(...a),
}));
