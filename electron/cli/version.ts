// The version `keystash --version` prints: package.json's, put in by the build
// (scripts/build-cli.mjs defines KEYSTASH_VERSION) so the CLI never reads files to print it.
declare const KEYSTASH_VERSION: string | undefined;

export const VERSION: string = typeof KEYSTASH_VERSION === 'string' ? KEYSTASH_VERSION : 'development build';
