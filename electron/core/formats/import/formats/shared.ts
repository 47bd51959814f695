// Helpers for format specs: header checks.
export function hasAll(headers: ReadonlySet<string>, names: readonly string[]): boolean {
  return names.every((n) => headers.has(n));
}
