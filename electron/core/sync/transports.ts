// The transport for a stored target: the one place that knows every kind of target.
import { FolderTransport } from './folder-transport';
import type { TargetConfig } from './ledger';
import type { SyncTransport } from './transport';
import { WebdavTransport } from './webdav-transport';

export async function openTransport(target: TargetConfig): Promise<SyncTransport> {
  return target.kind === 'folder' ? FolderTransport.open(target.path) : WebdavTransport.connect(target.url, target.user, target.password);
}
