// JSON paths for issues: `$.identityPools[0].roleMappings[1].rules[3].claim`, map keys that are
// not plain identifiers in brackets: `$.roles[0].tags["aws:x"]`.

import { pathWithIndex, pathWithKey } from '../iam/json-path';

export type PathSegment = string | number;

/** Written as the policy engine writes its paths, so `locateJsonPath` finds design paths in the file. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments)
    path = typeof segment === 'number' ? pathWithIndex(path, segment) : pathWithKey(path, String(segment));
  return path;
}
