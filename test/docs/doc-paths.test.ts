// Keeps the README and the manual in docs/ honest about the tree: every repository path they
// name in backticks (or in an npm/npx command line) exists, and every relative link, image and
// #anchor points at something real. Files move often; a stale path in the docs sends a newcomer
// looking for code that is no longer there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
// Built or generated on demand, so the docs may name them without them existing in a checkout.
const GENERATED = new Set(['node_modules', 'out', 'dist', '.native', 'test-results', '.git']);
const TOP_LEVEL = new Set(fs.readdirSync(ROOT).filter((name) => !GENERATED.has(name)));

function docFiles(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

/** `{a,b}` alternatives, expanded one group at a time. */
function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const head = pattern.slice(0, m.index);
  const tail = pattern.slice(m.index + m[0].length);
  return (m[1] ?? '').split(',').flatMap((alt) => expandBraces(head + alt + tail));
}

/** Whether a repo-relative path exists; `*` and `<placeholder>` match within one segment. */
function existsPattern(pattern: string): boolean {
  const wantDir = pattern.endsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '');
  const walk = (dir: string, i: number): boolean => {
    if (i === segments.length) return !wantDir || fs.statSync(dir).isDirectory();
    const seg = segments[i] ?? '';
    if (!/[*<]/.test(seg)) {
      const next = path.join(dir, seg);
      return fs.existsSync(next) && walk(next, i + 1);
    }
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return false;
    const source = seg
      .split(/(\*|<[^>]*>)/)
      .map((part) => (part === '*' || part.startsWith('<') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    const re = new RegExp(`^${source}$`);
    return fs.readdirSync(dir).some((name) => re.test(name) && walk(path.join(dir, name), i + 1));
  };
  return walk(ROOT, 0);
}

/** Tokens that name something in this repository: a path under a tracked top-level entry. */
function repoPaths(text: string): string[] {
  // Commas inside `{a,b}` belong to the path, not to the sentence around it.
  const braced = text.replace(/\{[^{}\s]*\}/g, (group) => group.replace(/,/g, '\uE000'));
  return braced
    .split(/[\s,;()"'=]+/)
    .map((t) => t.replace(/\uE000/g, ',').replace(/[.:]+$/, ''))
    .filter((t) => /^[\w.\-/<>*{},]+$/.test(t))
    .filter((t) => {
      const first = t.split('/')[0] ?? '';
      return TOP_LEVEL.has(first) && (t.includes('/') || /\.\w+$/.test(t));
    });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = slug(m[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Problem {
  file: string;
  ref: string;
}

function problemsIn(file: string): Problem[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const problems: Problem[] = [];
  const fences = [...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)];
  const prose = text.replace(/^```[\s\S]*?^```/gm, '');

  const named: string[] = [];
  for (const m of prose.matchAll(/`([^`\n]+)`/g)) named.push(...repoPaths(m[1] ?? ''));
  // In code blocks only our own tool lines name repo files; `keystash run -- node x.js` is a user's program.
  for (const block of fences) {
    for (const line of (block[1] ?? '').split('\n')) {
      if (/^\s*(npx|npm|node|bash)\s/.test(line)) named.push(...repoPaths(line.replace(/#.*$/, '')));
    }
  }
  for (const p of named) {
    if (!expandBraces(p).every(existsPattern)) problems.push({ file, ref: p });
  }

  for (const m of prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const target = m[1] ?? '';
    if (/^[a-z]+:/.test(target)) continue;
    const [where = '', anchor] = target.split('#');
    const resolved = where === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), where));
    if (!fs.existsSync(path.join(ROOT, resolved))) {
      problems.push({ file, ref: target });
    } else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
      problems.push({ file, ref: target });
    }
  }
  return problems;
}

describe('docs name only what exists', () => {
  it('finds the README and the manual pages', () => {
    expect(docFiles()).toContain('README.md');
    expect(docFiles().length).toBeGreaterThan(1);
  });

  for (const file of docFiles()) {
    it(`${file}: every path, link and anchor resolves`, () => {
      expect(problemsIn(file)).toEqual([]);
    });
  }

  it('catches a path that does not exist', () => {
    expect(repoPaths('see electron/core/no-such-file.ts')).toEqual(['electron/core/no-such-file.ts']);
    expect(existsPattern('electron/core/no-such-file.ts')).toBe(false);
    expect(expandBraces('test/main/{ipc,nowhere}/').every(existsPattern)).toBe(false);
    expect(existsPattern('test/core/<folder>/')).toBe(true);
  });
});
