// The schema library (zod) builds a faster parser for each object schema with `new Function` where
// the page allows it, and probes for that with a `new Function` of its own as the first object
// schema is made. The renderer's content security policy allows no eval (index.html), so the probe
// only fails, and is reported as a policy violation at every start. Imported by main.tsx before any
// schema is made: the library then neither probes nor tries.

import { z } from 'zod';

z.config({ jitless: true });
