// A plan change's JSON diff: removed lines red, added lines green, as the plan prints them.

import type { ReactElement } from 'react';

function lineClass(line: string): string {
  if (line.startsWith('+ ')) return 'aws-diff__line aws-diff__line--added';
  if (line.startsWith('- ')) return 'aws-diff__line aws-diff__line--removed';
  return 'aws-diff__line';
}

export function DiffView({ diff }: { diff: string }): ReactElement {
  return (
    <pre className="aws-diff" tabIndex={0} aria-label="JSON diff">
      {diff.split('\n').map((line, index) => (
        <span key={index} className={lineClass(line)}>
          {`${line}\n`}
        </span>
      ))}
    </pre>
  );
}
