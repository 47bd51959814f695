// One generated value with what it is worth: entropy, zxcvbn score and crack time.
import type { GeneratedSecret } from '../../../../shared/generator';
import { SCORE_LABEL } from './options';

export function GeneratedResult({ result }: { result: GeneratedSecret }) {
  const { score, crackTime } = result.strength;
  return (
    <div className="gen-result" data-testid="generated-result">
      <output className="gen-value" aria-label="Generated value" data-testid="generated-value">
        {result.value}
      </output>
      <div className="strength" data-score={score}>
        <div className="strength-bar" role="meter" aria-label="Strength" aria-valuemin={0} aria-valuemax={4} aria-valuenow={score} aria-valuetext={SCORE_LABEL[score]}>
          {[0, 1, 2, 3].map((i) => (
            <span key={i} className={`strength-seg${score > i || (score === 0 && i === 0) ? ' on' : ''}`} />
          ))}
        </div>
        <div className="strength-text" data-testid="generated-stats">
          <strong>{SCORE_LABEL[score]}</strong> · {result.entropyBits.toFixed(1)} bits of entropy · crack time {crackTime}
        </div>
      </div>
    </div>
  );
}
