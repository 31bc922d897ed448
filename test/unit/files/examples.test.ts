import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listExampleDesigns } from '../../../src-main/services/files';
import { useTemporaryDirectories } from './temporary-directory';

const temporaryDirectory = useTemporaryDirectories();

describe('listExampleDesigns', () => {
  it('lists the shipped examples by id, with the name stored in each design', async () => {
    const examples = await listExampleDesigns(join(process.cwd(), 'assets', 'examples'));
    const ids = examples.map((example) => example.id);
    expect(ids).toEqual(expect.arrayContaining(['photo-sharing', 'b2b-saas', 'analytics-sdk']));
    for (const example of examples) {
      expect(example.path.endsWith(`${example.id}.cognito-design.json`)).toBe(true);
      expect(example.name.length).toBeGreaterThan(0);
    }
  });

  it('skips other files, sorts by id and falls back to the id for unreadable designs', async () => {
    const directory = await temporaryDirectory();
    await writeFile(join(directory, 'zeta.cognito-design.json'), '{"name": "Zeta design"}');
    await writeFile(join(directory, 'alpha.cognito-design.json'), 'not json');
    await writeFile(join(directory, 'notes.txt'), 'ignored');
    expect(await listExampleDesigns(directory)).toEqual([
      { id: 'alpha', name: 'alpha', path: join(directory, 'alpha.cognito-design.json') },
      { id: 'zeta', name: 'Zeta design', path: join(directory, 'zeta.cognito-design.json') },
    ]);
    expect(await listExampleDesigns(join(directory, 'missing'))).toEqual([]);
  });
});
