// A password input with a show/hide toggle and a Caps Lock warning. What the user types stays
// in this input; it is only ever sent to main, never stored by the renderer.
import { useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { ArrowBigUpDash, Eye, EyeOff } from 'lucide-react';
import { Field } from './Field';
import { IconButton } from './Button';

interface PasswordFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** Shown under the input, e.g. a strength meter. */
  below?: ReactNode;
  /** Called when the user asks to see the value; return false to keep it hidden. */
  onRevealRequest?: () => Promise<boolean>;
  ref?: Ref<HTMLInputElement>;
}

export function PasswordField({ label, value, onChange, error, hint, below, onRevealRequest, className, ...rest }: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  // Known only from key events: it shows once a key is pressed in the field.
  const [capsLock, setCapsLock] = useState(false);
  const watchCaps = (e: KeyboardEvent<HTMLInputElement>) => setCapsLock(e.getModifierState('CapsLock'));
  const toggle = async () => {
    if (!shown && onRevealRequest && !(await onRevealRequest())) return;
    setShown((s) => !s);
  };
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {({ id, describedBy, invalid }) => (
        <>
          <div className="input-group">
            <input
              id={id}
              className="input input-mono"
              type={shown ? 'text' : 'password'}
              value={value}
              onChange={(e) => onChange(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
              spellCheck={false}
              {...rest}
              onKeyDown={(e) => {
                watchCaps(e);
                rest.onKeyDown?.(e);
              }}
              onKeyUp={watchCaps}
              onBlur={(e) => {
                setCapsLock(false);
                rest.onBlur?.(e);
              }}
            />
            <IconButton icon={shown ? EyeOff : Eye} label={shown ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`} pressed={shown} onClick={() => void toggle()} />
          </div>
          {capsLock ? (
            <p className="caps-warning" role="status" data-testid="caps-warning">
              <ArrowBigUpDash size={14} aria-hidden="true" /> Caps Lock is on
            </p>
          ) : null}
          {below}
        </>
      )}
    </Field>
  );
}
