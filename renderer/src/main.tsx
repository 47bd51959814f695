// Renderer entry: mounts the app. Zod runs without its eval-based JIT because the CSP
// (script-src 'self') forbids eval, and a refused eval would only add console noise.
import { config } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/vault.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './styles/detail.css';

config({ jitless: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
