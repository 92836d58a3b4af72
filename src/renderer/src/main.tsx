import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
// Mattermost's icon font (the web app's), so no icon depends on the system's fonts.
import '@mattermost/compass-icons/css/compass-icons.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
