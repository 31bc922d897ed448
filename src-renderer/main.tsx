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
import { prefetchStartupDesign } from './state/document-actions';

prefetchStartupDesign();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
