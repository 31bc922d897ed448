import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAwsDumps } from '../../../shared/import';
import type { DumpFile, ImportResult } from '../../../shared/import';
import { resolveProviderRef } from '../../../shared/model/keys';
import { parseDesign } from '../../../shared/model/validate';
import type { DesignDocument } from '../../../shared/model/types';
import { exportDumps, type Dumps } from './export-dumps';
import { semanticView } from './semantic-view';

const examplesDirectory = join(__dirname, '../../../assets/examples');
const examples = readdirSync(examplesDirectory).filter((name) => name.endsWith('.cognito-design.json'));

function loadExample(name: string): DesignDocument {
  const parsed = parseDesign(JSON.parse(readFileSync(join(examplesDirectory, name), 'utf8')));
  if (!parsed.design) throw new Error(`${name} does not parse: ${JSON.stringify(parsed.issues[0])}`);
  return parsed.design;
}

/**
 * What the dumps can show. Documented losses:
 * - providers federated into a user pool but not accepted by an identity pool (they come from
 *   `describe-identity-provider`, which the import does not read);
 * - principal-tag maps that differ between app clients of one user pool: AWS keys the map by the
 *   user pool's provider name, so the first client's map is what the dump holds.
 */
function importable(design: DesignDocument): ReturnType<typeof semanticView> {
  const view = semanticView(design);
  const keysUsedByPools = new Set(
    view.identityPools.flatMap((pool) => [
      ...pool.accepted,
      ...pool.roleMappings.map((mapping) => mapping.key),
    ]),
  );
  const identityPools = view.identityPools.map((pool) => {
    const firstByUserPool = new Map<string, { useDefaults: boolean; tags: Record<string, string> }>();
    const original = design.identityPools.find((candidate) => candidate.poolId === pool.poolId)!;
    for (const mapping of original.principalTags) {
      const userPoolKey = mappingKeyOf(design, mapping.provider).split(':')[0]!;
      if (!firstByUserPool.has(userPoolKey))
        firstByUserPool.set(userPoolKey, { useDefaults: mapping.useDefaults, tags: mapping.tags });
    }
    const principalTags = pool.principalTags.map((mapping) => {
      const first = mapping.key.startsWith('cognito-idp.')
        ? firstByUserPool.get(mapping.key.split(':')[0]!)
        : undefined;
      return first ? { key: mapping.key, ...first } : mapping;
    });
    return { ...pool, principalTags };
  });
  return {
    ...view,
    identityPools,
    providers: view.providers.filter((provider) => keysUsedByPools.has(provider.key)),
  };
}

function mappingKeyOf(
  design: DesignDocument,
  ref: DesignDocument['identityPools'][number]['principalTags'][number]['provider'],
): string {
  return resolveProviderRef(design, ref)?.mappingKey ?? 'dangling';
}

function files(dumps: Dumps): DumpFile[] {
  // JSON text round trip: the import sees exactly what a file on disk would hold.
  return Object.entries(dumps).map(([name, content]) => ({
    name,
    content: JSON.parse(JSON.stringify(content)) as unknown,
  }));
}

function succeeded(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return result;
}

describe('import-aws round trip of the example designs', () => {
  it('has examples to test', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  for (const example of examples) {
    describe(example, () => {
      const original = loadExample(example);

      it('imports a dump of the design into an equivalent, valid design (ids, layout, personas and users aside)', () => {
        const result = succeeded(importAwsDumps(files(exportDumps(original, { withUnrelatedRole: true }))));
        const issues = parseDesign(JSON.parse(JSON.stringify(result.design))).issues.filter(
          (issue) => issue.severity === 'error',
        );
        expect(issues).toEqual([]);
        expect(semanticView(result.design)).toEqual(importable(original));
        expect(result.design.personas).toEqual([]);
        expect(result.design.layout.positions).toEqual({});
      });

      it('reads policies URL-encoded as the raw IAM API returns them', () => {
        const result = succeeded(importAwsDumps(files(exportDumps(original, { urlEncodePolicies: true }))));
        expect(semanticView(result.design).roles).toEqual(semanticView(original).roles);
        expect(semanticView(result.design).managedPolicies).toEqual(semanticView(original).managedPolicies);
      });

      it('recognises every file by its shape, whatever its name', () => {
        const dumps = exportDumps(original);
        const renamed = Object.values(dumps).map((content, index) => ({
          name: `dump-${index}.json`,
          content,
        }));
        const result = succeeded(importAwsDumps(renamed));
        expect(result.report.recognized.map((entry) => entry.file)).toEqual(renamed.map((file) => file.name));
        expect(semanticView(result.design)).toEqual(importable(original));
      });
    });
  }

  it('reports the unrelated role it skipped and the account it assumed', () => {
    const original = loadExample('photo-sharing.cognito-design.json');
    const result = succeeded(importAwsDumps(files(exportDumps(original, { withUnrelatedRole: true }))));
    expect(result.design.roles.map((role) => role.name)).not.toContain('EC2role');
    expect(
      result.report.warnings.some(
        (warning) => warning.startsWith('1 role(s)') && warning.includes('not imported'),
      ),
    ).toBe(true);
    expect(result.report.assumptions).toContain(
      `account id ${original.account.accountId}: taken from the ARNs in the dumps`,
    );
    expect(result.report.assumptions).toContain(`region ${original.account.region}: taken from the pool ids`);
  });
});
