// An `--actions <file>` list: one action per line, blank lines and `#` comments ignored
// (`matrix`, `diff`).

import { CliInputError } from './errors';
import { readTextFile } from './files';
import { quoteInput } from './output';

export async function readActionList(file: string): Promise<string[]> {
  const actions = (await readTextFile(file))
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
  const bad = actions.find((action) => action !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/i.test(action));
  if (bad)
    throw new CliInputError(`${file}: '${quoteInput(bad)}' is not an action (expected service:Action)`);
  return [...new Set(actions)];
}
