// A small dialog that asks for one name (a folder to move to, a tag to add or remove), with
// the vault's existing names offered as suggestions. Native <dialog>: focus is trapped and
// Esc cancels.
import { createContext, useCallback, useContext, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { useModalDialog } from '../../components/useModalDialog';

interface AskOptions {
  title: string;
  label: string;
  confirmLabel: string;
  suggestions: readonly string[];
  /** An empty answer is allowed (e.g. "no folder"). */
  allowEmpty?: boolean;
}

type AskFn = (o: AskOptions) => Promise<string | null>;
const AskContext = createContext<AskFn | null>(null);

export function useAskName(): AskFn {
  const a = useContext(AskContext);
  if (!a) throw new Error('useAskName needs an AskNameProvider');
  return a;
}

export function AskNameProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<(AskOptions & { resolve: (v: string | null) => void }) | null>(null);
  const [value, setValue] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  const ask = useCallback<AskFn>((o) => new Promise((resolve) => {
    setValue('');
    setOpen({ ...o, resolve });
  }), []);

  useModalDialog(dialog, open, input);

  const finish = (answer: string | null) => {
    open?.resolve(answer);
    setOpen(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (v || open?.allowEmpty) finish(v);
  };

  return (
    <AskContext.Provider value={ask}>
      {children}
      <dialog ref={dialog} className="dialog" aria-labelledby="ask-title" onCancel={(e) => {
          e.preventDefault();
          finish(null);
        }}>
        {open ? (
          <form className="dialog-body" onSubmit={submit}>
            <h2 id="ask-title" className="dialog-title">
              {open.title}
            </h2>
            <label className="field">
              <span className="field-label">{open.label}</span>
              <input ref={input} className="input" list={listId} value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} />
              <datalist id={listId}>
                {open.suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </label>
            <div className="dialog-actions">
              <Button onClick={() => finish(null)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={!value.trim() && !open.allowEmpty}>
                {open.confirmLabel}
              </Button>
            </div>
          </form>
        ) : null}
      </dialog>
    </AskContext.Provider>
  );
}
