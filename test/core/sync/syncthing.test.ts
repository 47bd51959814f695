// Two real Syncthing instances on loopback (no discovery, relays or NAT) sync the target folder
// between two vaults on this machine, as two computers would: an item added on A appears on B.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchPath } from '../../../electron/core/sync/batch-file';
import { ENVELOPE_FILE } from '../../../electron/core/sync/envelope';
import { syncthingMissing, SyncthingInstance, waitFor } from '../../support/syncthing';
import { login, tempDir } from '../fixtures/vault-helpers';
import { firstDevice, joinedDevice } from './sync-kit';

const missing = syncthingMissing();
if (missing) console.log(`Skipping the Syncthing test: ${missing}.`);

describe.skipIf(missing !== null)('sync through Syncthing', () => {
  const instances: SyncthingInstance[] = [];
  afterAll(async () => {
    for (const i of instances) await i.stop();
  });

  it('an item added on A appears on B', async () => {
    const st1 = await SyncthingInstance.create();
    const st2 = await SyncthingInstance.create();
    instances.push(st1, st2);
    await st1.start();
    await st2.start();
    await st1.addPeer(st2);
    await st2.addPeer(st1);
    const folderA = path.join(tempDir(), 'Sync A');
    const folderB = path.join(tempDir(), 'Sync B');
    await st1.shareFolder('keystash', folderA, [st2]);
    await st2.shareFolder('keystash', folderB, [st1]);
    const logs = (): string => `A:\n${st1.log.slice(-3000)}\nB:\n${st2.log.slice(-3000)}`;

    const a = await firstDevice(folderA, 'A');
    await st1.rescan('keystash');
    await waitFor(() => fs.existsSync(path.join(folderB, ENVELOPE_FILE)), 120_000, () => `the envelope never reached B\n${logs()}`);
    const b = await joinedDevice(folderB, 'B');

    const added = a.vault.items.create({ ...login('Added on A'), password: 'from A' });
    await a.sync();
    await st1.rescan('keystash');
    const aId = a.vault.sync.requireState().deviceId;
    await waitFor(() => fs.existsSync(path.join(folderB, batchPath(aId, 2))), 120_000, () => `A's batch never reached B\n${logs()}`);
    const report = await b.sync();
    expect(report.quarantined).toEqual([]);
    expect(b.vault.items.withSecrets(added.id)).toMatchObject({ title: 'Added on A', password: 'from A' });
  }, 300_000);
});
