// The entry module: sends the start-up host calls first, then loads the application. Only the host
// client is imported statically, so those calls leave before the browser has downloaded and
// compiled the rest of the UI (the first render of a large design waited on that).
import { prefetchStartupDesign } from './state/startup-requests';

prefetchStartupDesign();
void import('./boot');
