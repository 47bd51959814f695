// Password strength from zxcvbn-ts. The dictionaries are large, so they load on first use
// in their own chunk; until then the meter says it is checking.
import { useEffect, useState } from 'react';

interface Strength {
  /** 0 (guessable in moments) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  warning: string;
  suggestion: string;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
type Checker = (password: string) => Strength;
let loading: Promise<Checker> | null = null;

function loadChecker(): Promise<Checker> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) => {
      const factory = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      });
      return (password: string): Strength => {
        const r = factory.check(password.slice(0, 256));
        return { score: r.score, label: LABELS[r.score], warning: r.feedback.warning ?? '', suggestion: r.feedback.suggestions[0] ?? '' };
      };
    },
  );
  return loading;
}

/** The strength of `password`, or null while the checker loads or the password is empty. */
export function useStrength(password: string): Strength | null {
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let live = true;
    void loadChecker().then((check) => {
      if (live) setStrength(check(password));
    });
    return () => {
      live = false;
    };
  }, [password]);
  return password ? strength : null;
}
