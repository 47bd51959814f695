// zxcvbn-ts 4.2's l33t helpers, as dictionary-index.ts's l33t matcher needs them: the
// "clean" spellings of a password (each l33t substitution undone, up to a limit), and where a
// match in one of them lies in the password itself. Same algorithm and output order as
// zxcvbn's unmunger/getCleanPasswords and l33t matcher's getExtras (which the package does not
// export); test/core/generator/dictionary-index.test.ts compares whole results with zxcvbn's.

/** zxcvbn's l33t table as a trie (Options.trieNodeRoot): substitution characters to letters. */
export interface L33tTrieNode {
  parents: string[];
  subs?: string[];
  getChild(c: string): L33tTrieNode | undefined;
  isTerminal(): boolean;
}

export interface L33tChange {
  i: number;
  letter: string;
  substitution: string;
}

export interface CleanPassword {
  password: string;
  changes: L33tChange[];
  isFullSubstitution: boolean;
}

interface Step {
  onlyFullSub: boolean;
  isFullSub: boolean;
  index: number;
  subIndex: number;
  changes: L33tChange[];
  lastSubLetter: string | undefined;
  consecutiveSubCount: number;
}

/** The clean spellings of `password`, first those with every substitution undone. */
export function cleanPasswords(password: string, limit: number, root: L33tTrieNode): CleanPassword[] {
  const buffer: string[] = [];
  const found: CleanPassword[] = [];
  const subsAt = (index: number): L33tTrieNode[] => {
    const nodes: L33tTrieNode[] = [];
    let cur: L33tTrieNode | undefined = root;
    for (let i = index; i < password.length; i += 1) {
      cur = cur.getChild(password.charAt(i));
      if (!cur) break;
      nodes.push(cur);
    }
    return nodes;
  };
  const walk = (s: Step): void => {
    if (found.length >= limit) return;
    if (s.index === password.length) {
      if (s.onlyFullSub === s.isFullSub) found.push({ password: buffer.join(''), changes: s.changes, isFullSubstitution: s.onlyFullSub });
      return;
    }
    const nodes = subsAt(s.index);
    let hasSubs = false;
    // Wider substitutions first.
    for (let k = nodes.length - 1; k >= 0; k -= 1) {
      const cur = nodes[k] as L33tTrieNode;
      const sub = cur.parents.join('');
      if (!cur.isTerminal()) continue;
      // A 4th substitution in a row of the same characters is skipped, as zxcvbn does.
      if (s.lastSubLetter === sub && s.consecutiveSubCount >= 3) continue;
      hasSubs = true;
      for (const letter of cur.subs ?? []) {
        buffer.push(letter);
        walk({
          onlyFullSub: s.onlyFullSub,
          isFullSub: s.isFullSub,
          index: s.index + sub.length,
          subIndex: s.subIndex + letter.length,
          changes: s.changes.concat({ i: s.subIndex, letter, substitution: sub }),
          lastSubLetter: sub,
          consecutiveSubCount: s.lastSubLetter === sub ? s.consecutiveSubCount + 1 : 1,
        });
        buffer.pop();
        if (found.length >= limit) return;
      }
    }
    if (!s.onlyFullSub || !hasSubs) {
      buffer.push(password.charAt(s.index));
      walk({ ...s, isFullSub: s.isFullSub && !hasSubs, index: s.index + 1, subIndex: s.subIndex + 1 });
      buffer.pop();
    }
  };
  const start = { isFullSub: true, index: 0, subIndex: 0, changes: [], lastSubLetter: undefined, consecutiveSubCount: 0 };
  walk({ ...start, onlyFullSub: true });
  walk({ ...start, onlyFullSub: false });
  return found;
}

export interface L33tExtras {
  i: number;
  j: number;
  subs: { letter: string; substitution: string }[];
  subDisplay: string;
}

/** Where the match i..j of a clean spelling lies in the password, and which substitutions it holds. */
export function l33tExtras(clean: CleanPassword, i: number, j: number): L33tExtras {
  let iUnsubbed = i;
  let jUnsubbed = j;
  const subs: { letter: string; substitution: string }[] = [];
  const subDisplay: string[] = [];
  const seen = new Set<string>();
  for (const change of clean.changes) {
    if (change.i < i) {
      const diff = change.substitution.length - change.letter.length;
      iUnsubbed += diff;
      jUnsubbed += diff;
    } else if (change.i <= j) {
      jUnsubbed += change.substitution.length - change.letter.length;
      const key = `${change.letter}-${change.substitution}`;
      if (!seen.has(key)) {
        seen.add(key);
        subs.push({ letter: change.letter, substitution: change.substitution });
        subDisplay.push(`${change.substitution} -> ${change.letter}`);
      }
    }
  }
  return { i: iUnsubbed, j: jUnsubbed, subs, subDisplay: subDisplay.join(', ') };
}
