// Lists the example designs shipped in assets/examples (`<id>.cognito-design.json`).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const designFileSuffix = '.cognito-design.json';

export interface ExampleDesign {
  id: string;
  name: string;
  path: string;
}

/** The design's own `name` when the file has one, else its id: the list must not fail on one bad file. */
async function readDesignName(path: string, fallback: string): Promise<string> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'name' in parsed &&
      typeof parsed.name === 'string' &&
      parsed.name.length > 0
    ) {
      return parsed.name;
    }
  } catch {
    // Unreadable examples still appear by id; opening them reports the real problem.
  }
  return fallback;
}

export async function listExampleDesigns(directory: string): Promise<ExampleDesign[]> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch {
    return [];
  }
  const files = entries.filter((entry) => entry.endsWith(designFileSuffix)).sort();
  return Promise.all(
    files.map(async (file) => {
      const id = file.slice(0, -designFileSuffix.length);
      const path = join(directory, file);
      return { id, name: await readDesignName(path, id), path };
    }),
  );
}
