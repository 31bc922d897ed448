// Imported first by main.tsx, so that its body runs before the rest of the app's code is evaluated:
// the start-up requests are on their way while the browser runs that code (see startup-requests.ts).

import { sendStartupRequests } from './startup-requests';

sendStartupRequests();
