// Under the secret field of an API key: what the pasted key looks like, and the variable
// name `keystash env` and "Copy as env var" will use for it.
import { recogniseKey } from '../../../../shared/api-key-formats';

export function KeyFormatHint({ value }: { value: string }) {
  const format = value ? recogniseKey(value) : null;
  if (!format) return null;
  return (
    <span data-testid="key-format-hint">
      Looks like a {format.label} · variable <code>{format.envName}</code>
    </span>
  );
}

/** The service to pre-fill when a recognised key is pasted into an item with none yet. */
export function recognisedService(value: string): string | null {
  return recogniseKey(value)?.service ?? null;
}
