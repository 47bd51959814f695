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

/** A substitution that can be undone at a position: its characters, and the letters it may stand for. */
interface Undo {
  sub: string;
  letters: string[];
}

/** The clean spellings of `password`, first those with every substitution undone. */
export function cleanPasswords(password: string, limit: number, root: L33tTrieNode): CleanPassword[] {
  const buffer: string[] = [];
  const found: CleanPassword[] = [];
  // The substitutions starting at each position, widest first (zxcvbn's order), found once.
  const undos: Undo[][] = [];
  for (let index = 0; index < password.length; index++) {
    const here: Undo[] = [];
    let cur: L33tTrieNode | undefined = root;
    for (let i = index; i < password.length; i += 1) {
      cur = cur.getChild(password.charAt(i));
      if (!cur) break;
      if (cur.isTerminal()) here.unshift({ sub: cur.parents.join(''), letters: cur.subs ?? [] });
    }
    undos.push(here);
  }
  const walk = (onlyFullSub: boolean, isFullSub: boolean, index: number, subIndex: number, changes: L33tChange[], lastSubLetter: string | undefined, consecutiveSubCount: number): void => {
    if (found.length >= limit) return;
    if (index === password.length) {
      if (onlyFullSub === isFullSub) found.push({ password: buffer.join(''), changes, isFullSubstitution: onlyFullSub });
      return;
    }
    let hasSubs = false;
    for (const { sub, letters } of undos[index] ?? []) {
      // A 4th substitution in a row of the same characters is skipped, as zxcvbn does.
      if (lastSubLetter === sub && consecutiveSubCount >= 3) continue;
      hasSubs = true;
      for (const letter of letters) {
        buffer.push(letter);
        walk(onlyFullSub, isFullSub, index + sub.length, subIndex + letter.length, changes.concat({ i: subIndex, letter, substitution: sub }), sub, lastSubLetter === sub ? consecutiveSubCount + 1 : 1);
        buffer.pop();
        if (found.length >= limit) return;
      }
    }
    if (!onlyFullSub || !hasSubs) {
      buffer.push(password.charAt(index));
      walk(onlyFullSub, isFullSub && !hasSubs, index + 1, subIndex + 1, changes, lastSubLetter, consecutiveSubCount);
      buffer.pop();
    }
  };
  walk(true, true, 0, 0, [], undefined, 0);
  walk(false, true, 0, 0, [], undefined, 0);
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
