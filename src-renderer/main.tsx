// The entry: imports nothing statically, so it runs as soon as its few bytes arrive and starts two
// downloads at once. The small host-client chunk sends the start-up host calls (and parses the
// design when it arrives) while the browser is still downloading and compiling the application,
// which boot.tsx then renders.
void import('./state/startup-requests').then(({ prefetchStartupDesign }) => prefetchStartupDesign());
void import('./boot');
