// `keystash sync`: set up, join and run sync, and show its status and devices.
//   sync setup --folder DIR | --webdav URL [--webdav-user U] [--webdav-password-stdin] [--device-name N]
//   sync join  --folder DIR | --webdav URL ...      (with --vault NEW_FILE: creates that vault)
//   sync [--json]   sync status [--json]   sync devices [--json]   sync revoke DEVICE
import fs from 'node:fs';
import path from 'node:path';
import { syncFolderOf, type SyncReport, type SyncStatus } from '../../../shared/sync';
import { KeystashError } from '../../core/errors';
import { lastSeenPath } from '../../core/paths';
import { joinSync, runSync, setupSync } from '../../core/sync/engine';
import { revokeDevice, syncStatus } from '../../core/sync/devices';
import type { TargetConfig } from '../../core/sync/ledger';
import { openTransport } from '../../core/sync/transports';
import { usageError, type Command, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { localTime, plural } from '../format';
import { passwordChangedMessage } from '../../../shared/unlock-report';

const SUBCOMMANDS = ['setup', 'join', 'status', 'devices', 'revoke'] as const;

async function targetFrom(ctx: CommandContext): Promise<TargetConfig> {
  const folder = ctx.args.string('folder');
  const url = ctx.args.string('webdav');
  if ((folder === undefined) === (url === undefined)) throw usageError('Give the target as either --folder DIR or --webdav URL.');
  if (folder !== undefined) return { kind: 'folder', path: path.resolve(folder) };
  const user = ctx.args.string('webdav-user') ?? '';
  const password = ctx.args.flag('webdav-password-stdin') ? await ctx.input.secret('WebDAV password', '--webdav-password-stdin') : '';
  return { kind: 'webdav', url: url ?? '', user, password };
}

function refuseTargetOptions(ctx: CommandContext, sub: string): void {
  for (const o of ['folder', 'webdav', 'webdav-user', 'webdav-password-stdin', 'device-name']) {
    if (ctx.args.has(o)) throw usageError(`--${o} belongs to \`sync setup\` and \`sync join\`, not \`sync${sub ? ` ${sub}` : ''}\`.`);
  }
}

function printReport(ctx: CommandContext, r: SyncReport): number {
  if (ctx.args.flag('json')) ctx.out.data(JSON.stringify(r));
  else ctx.out.data(`Pushed ${plural(r.pushed, 'change')}, pulled ${plural(r.pulled, 'change')}, ${plural(r.conflicts, 'conflict')}.`);
  for (const q of r.quarantined) ctx.out.note(`Quarantined (${q.reason}): ${q.message}`);
  if (r.passwordChangedOn !== undefined) ctx.out.note(`Notice: ${passwordChangedMessage(r.passwordChangedOn)}`);
  // Every good file was applied; a quarantined one is the sync equivalent of an integrity finding.
  return r.quarantined.length > 0 ? EXIT.integrity : EXIT.ok;
}

function printStatus(ctx: CommandContext, s: SyncStatus): void {
  if (ctx.args.flag('json')) {
    ctx.out.data(JSON.stringify(s));
    return;
  }
  ctx.out.data(`Target:      ${s.target.kind === 'folder' ? s.target.path : `${s.target.url}${s.target.user ? ` (as ${s.target.user})` : ''}`}`);
  ctx.out.data(`This device: ${s.device.name} (${s.device.id})`);
  ctx.out.data(`Devices:     ${s.devices.length}`);
  const last = s.lastSync;
  ctx.out.data(`Last sync:   ${last ? `${localTime(last.at)}, ${last.ok ? 'all good' : (last.error ?? `${plural(last.report?.quarantined.length ?? 0, 'file')} quarantined`)}` : 'never'}`);
  ctx.out.data(`Pending:     ${plural(s.pendingChanges, 'local change')}`);
  if (s.conflictedItems.length > 0) ctx.out.data(`Conflicts:   ${s.conflictedItems.join(', ')}`);
  const pw = s.passwordChange;
  if (pw) ctx.out.data(`Password:    changed on ${pw.here ? 'this device' : `“${pw.by}”`}, ${localTime(pw.at)}`);
}

function printDevices(ctx: CommandContext, s: SyncStatus): void {
  if (ctx.args.flag('json')) {
    ctx.out.data(JSON.stringify({ devices: s.devices }));
    return;
  }
  for (const d of s.devices) {
    ctx.out.data(`${d.id}  ${d.name}${d.current ? ' (this device)' : ''}${d.revoked ? ' (revoked)' : ''}  ${d.lastSeenAt === null ? 'not seen yet' : `last seen ${localTime(d.lastSeenAt)}`}`);
  }
}

export const sync: Command = {
  name: 'sync',
  summary: 'Sync this vault with your other devices through a folder or WebDAV',
  usage: 'sync [setup|join|status|devices|revoke DEVICE] [--folder DIR | --webdav URL] [--device-name NAME] [--json]',
  details: `Each device keeps its own vault file; the target (a folder that Syncthing, Dropbox or
Nextcloud syncs, a USB stick, or a WebDAV folder) holds only encrypted change files.

  keystash sync setup --folder ~/Sync/keystash --device-name laptop
  keystash sync setup --webdav https://cloud.example/remote.php/dav/files/me/keystash \\
      --webdav-user me --webdav-password-stdin
  keystash --vault ~/new.keystash sync join --folder ~/Sync/keystash --device-name desktop
  keystash sync            push this device's changes and pull everyone else's
  keystash sync status     target, this device, other devices, last sync, pending changes
  keystash sync devices    every device with its name and when it was last seen
  keystash sync revoke lost-phone
                           a new sync key for everything written from now on, given only to
                           the devices that stay (asks for the master password)

\`sync\` exits 0 when all went well and 3 when a file on the target was quarantined (after
applying every good one); each is named on stderr with its reason. See docs/sync.md.`,
  options: {
    folder: { type: 'string', value: 'DIR', help: 'setup/join: the sync folder' },
    webdav: { type: 'string', value: 'URL', help: 'setup/join: the WebDAV folder' },
    'webdav-user': { type: 'string', value: 'USER', help: 'setup/join: the WebDAV user name' },
    'webdav-password-stdin': { type: 'boolean', help: 'setup/join: read the WebDAV password from the next line of stdin' },
    'device-name': { type: 'string', value: 'NAME', help: 'setup/join: what other devices call this one' },
    json: { type: 'boolean', help: 'Print JSON' },
  },
  positionals: { min: 0, max: 2 },
  async run(ctx) {
    const sub = ctx.args.positionals[0] ?? '';
    if (sub !== '' && !(SUBCOMMANDS as readonly string[]).includes(sub)) throw usageError(`Unknown sync command “${sub}”; use ${SUBCOMMANDS.join(', ')}, or nothing to sync now.`);
    if (sub === 'join') {
      if (fs.existsSync(ctx.vaultPath)) throw new KeystashError('exists', `A vault already exists at ${ctx.vaultPath}; join with --vault NEW_FILE.`);
      const target = await targetFrom(ctx);
      const password = await ctx.input.masterPassword();
      const transport = await openTransport(target);
      const name = ctx.args.string('device-name');
      const { vault, report } = await joinSync(ctx.vaultPath, password, target, transport, {
        source: 'cli',
        lastSeenFile: lastSeenPath(),
        ...(name !== undefined ? { deviceName: name } : {}),
      });
      ctx.adopt(vault);
      ctx.out.note(`Created ${ctx.vaultPath} from ${transport.description}.`);
      return printReport(ctx, report);
    }
    if (sub === 'setup') {
      const target = await targetFrom(ctx);
      const inSync = syncFolderOf(ctx.vaultPath);
      if (inSync) ctx.out.note(`Warning: the vault file is inside a ${inSync} folder; a sync tool copying the live file can corrupt it. Keep it outside and sync through the target instead.`);
      const vault = await ctx.vault();
      const transport = await openTransport(target);
      const report = await setupSync(vault, await ctx.input.masterPassword(), target, transport, ctx.args.string('device-name'));
      ctx.out.note(`This vault now syncs through ${transport.description}.`);
      return printReport(ctx, report);
    }
    refuseTargetOptions(ctx, sub);
    if (sub !== 'revoke' && ctx.args.positionals.length > 1) throw usageError(`Unexpected argument “${ctx.args.positionals[1] ?? ''}”.`);
    const vault = await ctx.vault();
    if (sub === 'revoke') {
      const ref = ctx.args.positional(1, 'DEVICE (an id, id prefix or name from `keystash sync devices`)');
      const transport = await openTransport(vault.sync.requireState().target);
      const r = await revokeDevice(vault, await ctx.input.masterPassword(), ref, transport);
      ctx.out.note(`Revoked “${r.revoked}”: what is written from now on uses a key it does not have.`);
      if (r.leftOut.length > 0) ctx.out.note(`Not given the new key (they never synced their key): ${r.leftOut.join(', ')}; they join again with the master password.`);
      return printReport(ctx, r.report);
    }
    if (sub === 'status') printStatus(ctx, syncStatus(vault));
    else if (sub === 'devices') printDevices(ctx, syncStatus(vault));
    else return printReport(ctx, await runSync(vault, await openTransport(vault.sync.requireState().target)));
    return EXIT.ok;
  },
};
