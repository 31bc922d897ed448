// Renders the application (main.tsx loads it while the start-up host calls are on their way).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/canvas.css';
import './styles/inspector.css';
import './styles/rule-editor.css';
import './styles/findings.css';
import './styles/aws.css';
import './styles/matrix.css';
import { App } from './App';
import { showStartupDesignEarly } from './state/document-actions';

const container = document.getElementById('root');
// The design usually arrived while this chunk loaded: render once, with it. A host slower than
// this renders the app without it, and the design follows when it arrives.
const EARLY_DESIGN_WAIT_MS = 2000;
await Promise.race([
  showStartupDesignEarly(),
  new Promise((resolve) => setTimeout(resolve, EARLY_DESIGN_WAIT_MS)),
]);
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
