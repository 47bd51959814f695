// "Copy as env var" and "Copy as .env line" for an API key: main builds the line (name from
// the key's format or its title, value quoted for the shell or for .env), writes it to the
// clipboard, logs the copy and clears it later. The secret never reaches the window.
import { Copy, Terminal } from 'lucide-react';
import { call } from '../../../lib/ipc';
import { Button } from '../../../components/Button';
import { useToast } from '../../../components/Toast';
import { useVaultData } from '../../../state/vault-data';

export function EnvCopyButtons({ itemId }: { itemId: string }) {
  const toast = useToast();
  const { changed } = useVaultData();
  const copy = async (format: 'shell' | 'dotenv') => {
    const r = await call('item:copy-env', { id: itemId, format });
    if (r.ok) {
      toast.copied(format === 'shell' ? `Env var ${r.value.name}` : `.env line ${r.value.name}`, r.value.clearsInMs);
      changed();
    } else toast.error(r.error.message);
  };
  return (
    <div className="row env-copy" aria-label="Copy for a shell">
      <Button icon={Terminal} variant="ghost" onClick={() => void copy('shell')}>
        Copy as env var
      </Button>
      <Button icon={Copy} variant="ghost" onClick={() => void copy('dotenv')}>
        Copy as .env line
      </Button>
    </div>
  );
}
