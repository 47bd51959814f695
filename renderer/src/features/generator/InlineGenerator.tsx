// The generator inside the item editor's password field: pick options, generate, and put
// the result into the field (it is saved with the item like anything typed there).
import { useState } from 'react';
import { Check, RefreshCw, Wand2 } from 'lucide-react';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { GeneratedResult } from './GeneratedResult';
import { GeneratorOptions } from './GeneratorOptions';
import { DEFAULT_OPTIONS, type GeneratorOptionsState } from './options';
import { useGenerator } from './useGenerator';
import './generator.css';

export function InlineGenerator({ onUse }: { onUse: (value: string) => void }) {
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<GeneratorOptionsState>(DEFAULT_OPTIONS);
  const { result, error, busy, run } = useGenerator();

  if (!open) {
    return (
      <Button
        icon={Wand2}
        variant="ghost"
        className="gen-inline-open"
        onClick={() => {
          setOpen(true);
          void run(options);
        }}
      >
        Generate a password
      </Button>
    );
  }
  return (
    <div className="gen-inline" role="group" aria-label="Password generator">
      <GeneratorOptions
        value={options}
        onChange={(next) => {
          setOptions(next);
          void run(next);
        }}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <GeneratedResult result={result} /> : null}
      <div className="row">
        <Button
          icon={Check}
          variant="primary"
          disabled={!result}
          onClick={() => {
            if (!result) return;
            onUse(result.value);
            setOpen(false);
            // The value is now in the item; the generator's history remembers it was used.
            void call('generator:use-offered', { token: result.token });
          }}
        >
          Use this password
        </Button>
        <Button icon={RefreshCw} busy={busy} onClick={() => void run(options)}>
          Regenerate
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </div>
  );
}
