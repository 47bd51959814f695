// A live strength bar for a new password, with zxcvbn's warning as the hint.
import { useStrength } from '../lib/strength';

export function StrengthMeter({ password }: { password: string }) {
  const strength = useStrength(password);
  const score = strength?.score ?? -1;
  const label = !password ? 'Enter a password to see its strength' : strength ? strength.label : 'Checking strength…';
  const advice = strength ? strength.warning || strength.suggestion : '';
  return (
    <div className="strength" data-score={score}>
      <div
        className="strength-bar"
        role="meter"
        aria-label="Password strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={Math.max(score, 0)}
        aria-valuetext={label}
      >
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={`strength-seg${score > i || (score === 0 && i === 0) ? ' on' : ''}`} />
        ))}
      </div>
      <div className="strength-text" aria-live="polite">
        <strong>{label}</strong>
        {advice ? <span> · {advice}</span> : null}
      </div>
    </div>
  );
}
