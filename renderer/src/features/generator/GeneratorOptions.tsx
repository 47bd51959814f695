// The generator's controls: kind, then the options of that kind.
import type { CSSProperties, ReactNode } from 'react';
import { PASSPHRASE_WORDS, PASSWORD_LENGTH, PIN_LENGTH, type GeneratorKind } from '../../../../shared/generator';
import type { GeneratorOptionsState } from './options';

const KINDS: { value: GeneratorKind; label: string }[] = [
  { value: 'password', label: 'Password' },
  { value: 'passphrase', label: 'Passphrase' },
  { value: 'pin', label: 'PIN' },
];

interface Props {
  value: GeneratorOptionsState;
  onChange: (next: GeneratorOptionsState) => void;
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="gen-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

function Range({ label, min, max, value, onChange }: { label: string; min: number; max: number; value: number; onChange: (v: number) => void }): ReactNode {
  return (
    <label className="gen-range">
      <span className="field-label">
        {label}: <strong>{value}</strong>
      </span>
      <input
        type="range"
        className="slider"
        min={min}
        max={max}
        value={value}
        aria-label={label}
        // The filled part of the track, drawn by the stylesheet from this percentage.
        style={{ '--fill': `${((value - min) / (max - min)) * 100}%` } as CSSProperties}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}

export function GeneratorOptions({ value: o, onChange }: Props) {
  const set = <K extends keyof GeneratorOptionsState>(k: K, v: GeneratorOptionsState[K]) => onChange({ ...o, [k]: v });
  return (
    <div className="gen-options">
      <div className="segmented" role="radiogroup" aria-label="What to generate">
        {KINDS.map((k) => (
          <label key={k.value} className={`segment${o.kind === k.value ? ' on' : ''}`}>
            <input type="radio" name="gen-kind" value={k.value} checked={o.kind === k.value} onChange={() => set('kind', k.value)} />
            {k.label}
          </label>
        ))}
      </div>
      {o.kind === 'password' ? (
        <>
          <Range label="Length" min={PASSWORD_LENGTH.min} max={PASSWORD_LENGTH.max} value={o.length} onChange={(v) => set('length', v)} />
          <div className="gen-checks">
            <Check label="a–z" checked={o.lower} onChange={(v) => set('lower', v)} />
            <Check label="A–Z" checked={o.upper} onChange={(v) => set('upper', v)} />
            <Check label="0–9" checked={o.digits} onChange={(v) => set('digits', v)} />
            <Check label="Symbols" checked={o.symbols} onChange={(v) => set('symbols', v)} />
            <Check label="No look-alikes (Il1O0|)" checked={o.excludeSimilar} onChange={(v) => set('excludeSimilar', v)} />
          </div>
          <label className="gen-custom">
            <span className="field-label">Also use these characters</span>
            <input className="input input-mono" value={o.custom} maxLength={256} onChange={(e) => set('custom', e.target.value)} aria-label="Custom characters" />
          </label>
        </>
      ) : null}
      {o.kind === 'passphrase' ? (
        <>
          <Range label="Words" min={PASSPHRASE_WORDS.min} max={PASSPHRASE_WORDS.max} value={o.words} onChange={(v) => set('words', v)} />
          <div className="gen-checks">
            <label className="gen-custom gen-sep">
              <span className="field-label">Separator</span>
              <input className="input input-mono" value={o.separator} maxLength={10} onChange={(e) => set('separator', e.target.value)} aria-label="Separator" />
            </label>
            <Check label="Capitalise" checked={o.capitalize} onChange={(v) => set('capitalize', v)} />
            <Check label="Add a number" checked={o.addNumber} onChange={(v) => set('addNumber', v)} />
          </div>
        </>
      ) : null}
      {o.kind === 'pin' ? <Range label="Digits" min={PIN_LENGTH.min} max={PIN_LENGTH.max} value={o.pinLength} onChange={(v) => set('pinLength', v)} /> : null}
    </div>
  );
}
