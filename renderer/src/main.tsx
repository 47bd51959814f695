// Renderer entry: mounts the app. Zod runs without its eval-based JIT because the CSP
// (script-src 'self') forbids eval, and a refused eval would only add console noise.
// The global styles come before the app, so each feature's stylesheet (imported by its
// components) follows them in the bundle and can refine them.
import { config } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/surfaces.css';
import './styles/layout.css';
import { App } from './app/App';

config({ jitless: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
