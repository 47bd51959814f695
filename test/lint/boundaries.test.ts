// The repo's own ESLint config keeps the layering of docs/architecture.md: each boundary rule is shown
// firing on a deliberate violation, and staying quiet on the import it allows. Probe files are linted
// as text under a path inside the element they pretend to be, so nothing is written to the tree
// (except for the cycle, which needs two real files: they go to a temp dir).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

interface Finding {
  rule: string | null;
  message: string;
}

async function lint(file: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error(`no lint result for ${file}`);
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const rules = (findings: Finding[]): (string | null)[] => findings.map((f) => f.rule);

/**
 * An import specifier, relative to `from`, for some real module in `dir`: the tests do not depend on
 * which files the other folders happen to hold today.
 */
function someModule(from: string, dir: string): string {
  const name = fs
    .readdirSync(path.join(root, dir))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .sort()[0];
  if (!name) throw new Error(`no module in ${dir}`);
  const target = path.posix.join(dir, name.replace(/\.tsx?$/, ''));
  const rel = path.posix.relative(path.posix.dirname(from), target);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Two features of the renderer, whichever exist. */
function twoFeatures(): [string, string] {
  const [a, b] = fs
    .readdirSync(path.join(root, 'renderer/src/features'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  if (!a || !b) throw new Error('expected at least two renderer features');
  return [a, b];
}

describe('the core imports nothing from Electron, main, preload, cli or the renderer', () => {
  const file = 'electron/core/vault/lint-probe.ts';

  it('refuses the electron package', async () => {
    const findings = await lint(file, "import { app } from 'electron';\nexport const name = app.getName();\n");
    expect(rules(findings)).toEqual(['no-restricted-imports']);
  });

  it('refuses it as a dynamic import and as a re-export', async () => {
    const code = "export const later = import('electron');\nexport { app } from 'electron';\n";
    expect(rules(await lint(file, code))).toEqual(['no-restricted-syntax', 'no-restricted-imports']);
  });

  it.each(['electron/main', 'electron/preload', 'electron/cli', 'renderer/src/lib'])('refuses %s', async (dir) => {
    const findings = await lint(file, `import * as other from '${someModule(file, dir)}';\nexport const probe = other;\n`);
    expect(rules(findings)).toEqual(['boundaries/dependencies']);
  });

  it.each(['test/support', 'bench'])('refuses %s (files outside every element)', async (dir) => {
    const findings = await lint(file, `import * as other from '${someModule(file, dir)}';\nexport const probe = other;\n`);
    expect(rules(findings)).toEqual(['boundaries/dependencies']);
  });

  it('refuses main through a plain relative path too', async () => {
    const findings = await lint(file, "import * as main from '../../main/index';\nexport const probe = main;\n");
    expect(rules(findings)).toEqual(['boundaries/dependencies']);
  });

  it('allows its own folders and shared/', async () => {
    const code = [
      "import { KeystashError } from '../errors';",
      "import type { ItemType } from '../../../shared/domain';",
      'export const probe: [typeof KeystashError, ItemType | null] = [KeystashError, null];',
      '',
    ].join('\n');
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('only renderer/src/lib/ipc.ts touches window.api', () => {
  const [feature] = twoFeatures();
  const file = `renderer/src/features/${feature}/LintProbe.ts`;

  it.each([
    ['window.api', 'export const probe = window.api;'],
    ["window['api']", "export const probe = window['api'];"],
    ['globalThis.api', 'export const probe = globalThis.api;'],
    ['destructuring', 'const { api } = window;\nexport const probe = api;'],
  ])('a feature may not use %s', async (_name, code) => {
    const findings = await lint(file, `${code}\n`);
    expect(rules(findings)).toEqual(['no-restricted-syntax']);
    expect(findings[0]?.message).toMatch(/renderer\/src\/lib\/ipc\.ts/);
  });

  it('lib/ipc.ts may', async () => {
    expect(await lint('renderer/src/lib/ipc.ts', 'export const probe = window.api;\n')).toEqual([]);
  });

  it('a feature may use the other window properties', async () => {
    expect(await lint(file, 'export const probe = window.location.hash;\n')).toEqual([]);
  });
});

describe('shared/ imports neither Node nor Electron nor anything outside shared/', () => {
  const file = 'shared/lint-probe.ts';

  it.each(['node:fs', 'fs', 'path', 'fs/promises', 'electron'])('refuses %s', async (source) => {
    const findings = await lint(file, `import * as m from '${source}';\nexport const probe = m;\n`);
    expect(rules(findings)).toEqual(['no-restricted-imports']);
  });

  it.each(['electron/core', 'renderer/src/lib'])('refuses %s', async (dir) => {
    const findings = await lint(file, `import * as m from '${someModule(file, dir)}';\nexport const probe = m;\n`);
    expect(rules(findings)).toEqual(['boundaries/dependencies']);
  });

  it('allows zod and its own modules (even one named like a Node built-in)', async () => {
    const code = "import { z } from 'zod';\nimport * as domain from './domain';\nexport const probe = [z, domain];\n";
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('the renderer imports only shared/ and its own files; features never import each other', () => {
  const [feature, other] = twoFeatures();
  const file = `renderer/src/features/${feature}/LintProbe.ts`;

  it.each(['electron/core', 'electron/main', `renderer/src/features/${other}`, 'renderer/src/app'])('a feature refuses %s', async (dir) => {
    const findings = await lint(file, `import * as m from '${someModule(file, dir)}';\nexport const probe = m;\n`);
    expect(rules(findings)).toEqual(['boundaries/dependencies']);
  });

  it.each(['node:path', 'electron'])('a feature refuses %s', async (source) => {
    const findings = await lint(file, `import * as m from '${source}';\nexport const probe = m;\n`);
    expect(rules(findings)).toEqual(['no-restricted-imports']);
  });

  it.each(['renderer/src/components', 'renderer/src/lib', 'shared', `renderer/src/features/${feature}`])(
    'a feature may import %s',
    async (dir) => {
      const code = `import * as m from '${someModule(file, dir)}';\nexport const probe = m;\n`;
      expect(rules(await lint(file, code))).not.toContain('boundaries/dependencies');
    },
  );

  it('the app shell may import a feature', async () => {
    const shell = 'renderer/src/app/LintProbe.ts';
    const code = `import * as m from '${someModule(shell, `renderer/src/features/${feature}`)}';\nexport const probe = m;\n`;
    expect(rules(await lint(shell, code))).not.toContain('boundaries/dependencies');
  });
});

describe('the other arrows point one way too', () => {
  it.each([
    ['electron/preload/lint-probe.ts', 'electron/core'],
    ['electron/main/lint-probe.ts', 'electron/cli'],
    ['electron/main/lint-probe.ts', 'renderer/src/lib'],
    ['electron/cli/lint-probe.ts', 'electron/main'],
    ['renderer/src/lint-probe.ts', 'electron/core'],
  ])('%s may not import %s', async (file, dir) => {
    const findings = await lint(file, `import * as m from '${someModule(file, dir)}';\nexport const probe = m;\n`);
    expect(rules(findings)).toEqual(['boundaries/dependencies']);
  });

  it.each([
    ['electron/main/lint-probe.ts', 'electron/core'],
    ['electron/cli/lint-probe.ts', 'electron/core'],
    ['electron/preload/lint-probe.ts', 'shared'],
  ])('%s may import %s', async (file, dir) => {
    const findings = await lint(file, `import * as m from '${someModule(file, dir)}';\nexport const probe = m;\n`);
    expect(findings).toEqual([]);
  });
});

describe('an eslint-disable says why', () => {
  const file = 'bench/lint-probe.ts';

  it('refuses a disable without a description', async () => {
    const code = '// eslint-disable-next-line no-control-regex\nexport const nul = /\\x00/;\n';
    expect(rules(await lint(file, code))).toEqual(['@eslint-community/eslint-comments/require-description']);
  });

  it('refuses a disable of every rule', async () => {
    const code = '/* eslint-disable -- everything */\nexport const nul = /\\x00/;\n';
    expect(rules(await lint(file, code))).toContain('@eslint-community/eslint-comments/no-unlimited-disable');
  });

  it('accepts one with a reason after --', async () => {
    const code = '// eslint-disable-next-line no-control-regex -- NUL is the separator\nexport const nul = /\\x00/;\n';
    expect(await lint(file, code)).toEqual([]);
  });

  it('refuses one that disables nothing', async () => {
    const code = '// eslint-disable-next-line no-control-regex -- stale\nexport const one = 1;\n';
    expect(rules(await lint(file, code))).toEqual([null]);
  });
});

describe('no import cycles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-lint-cycle-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // The temp dir is a tiny tree of its own, linted with the repo's config.
  const tmpLint = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.mjs') });

  function write(rel: string, code: string): void {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), code);
  }

  async function cycleFindings(rel: string): Promise<Finding[]> {
    const [result] = await tmpLint.lintFiles([rel]);
    return (result?.messages ?? [])
      .filter((m) => m.ruleId === 'import-x/no-cycle')
      .map((m) => ({ rule: m.ruleId, message: m.message }));
  }

  it('refuses two modules that import each other, directly or through a third', async () => {
    write('electron/core/a.ts', "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    write('electron/core/b.ts', "import { c } from './c';\nexport const b = (): number => c();\n");
    write('electron/core/c.ts', "import { a } from './a';\nexport const c = (): number => a();\n");
    expect(await cycleFindings('electron/core/a.ts')).toHaveLength(1);
    expect(await cycleFindings('electron/core/c.ts')).toHaveLength(1);
  });

  it('accepts the same modules once the loop is broken', async () => {
    write('electron/core/c.ts', 'export const c = (): number => 0;\n');
    expect(await cycleFindings('electron/core/a.ts')).toEqual([]);
  });
});
