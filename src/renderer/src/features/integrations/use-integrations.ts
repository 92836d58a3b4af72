import { useEffect } from 'react';
import { useApp } from '../../app/store';
import type { IntegrationLists } from './integrations-slice';

/** The team's hooks and commands, loaded (again) when a component that shows them mounts. */
export function useIntegrations(): IntegrationLists {
  const control = useApp((s) => s.control);
  const loadIntegrations = useApp((s) => s.loadIntegrations);
  useEffect(() => {
    void loadIntegrations();
  }, [control, loadIntegrations]);
  return useApp((s) => s.integrations);
}
