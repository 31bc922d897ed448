import type { ReactElement } from 'react';

/** The proposals a text input offers (`<input list={id}>`); nothing when there are none. */
export function SuggestionList({
  id,
  suggestions,
}: {
  id: string;
  suggestions: readonly string[] | undefined;
}): ReactElement | null {
  if (!suggestions || suggestions.length === 0) return null;
  return (
    <datalist id={id}>
      {suggestions.map((suggestion) => (
        <option key={suggestion} value={suggestion} />
      ))}
    </datalist>
  );
}
