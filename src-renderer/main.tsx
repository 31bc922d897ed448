// First, so the start-up requests are sent before the modules below run (imports run in order).
import './host/send-startup-requests';
// Before any schema is made (see the module).
import './host/schemas-without-eval';
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

/** A start-up design that takes longer than this to read never keeps the window blank: the app shows, the design follows. */
const FIRST_RENDER_WAIT_MS = 1000;

function render(): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The first frame shows the start-up design when it can be read quickly: one layout of the whole
// window instead of an empty canvas first.
void Promise.race([
  showStartupDesignEarly(),
  new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
]).then(render);
