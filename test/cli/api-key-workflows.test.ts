// API keys as people use them, from the real binary: --json on every command that changes or
// prints, custom fields (text and concealed from stdin) and the rotation interval on add and
// edit, the service recognised on add, and key sets (AWS pair, Twilio, GCP service account)
// exported as all their variables by env and run.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonItem } from '../../electron/cli/json-output';
import { buildCli, newVault, type VaultCli } from './cli-harness';

const AWS_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GH = `ghp_${'aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY9zZ9'.slice(0, 36)}`;
const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const GCP = JSON.stringify({ type: 'service_account', project_id: 'demo', private_key: '-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----\\n', client_email: 'ci@demo.iam.gserviceaccount.com' });

let cli: VaultCli;
beforeAll(async () => {
  buildCli();
  ({ cli } = await newVault());
});

interface Added {
  id: string;
  item: JsonItem;
}

describe('add and edit', () => {
  it('add --json prints the new id and the item; custom fields, concealed ones from stdin, and a rotation interval', async () => {
    const added = await cli.json<Added>(
      ['add', 'api_key', '--title', 'AWS deploy', '--key-id', AWS_ID, '--field', 'region=eu-west-1', '--concealed-field', 'Recovery code', '--rotate-days', '90', '--secret-stdin'],
      [AWS_SECRET, 'recovery-123'],
    );
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(added.item).toMatchObject({ id: added.id, title: 'AWS deploy', service: 'AWS', keyId: AWS_ID, secret: null });
    expect(added.item.fields).toEqual([
      { name: 'region', value: 'eu-west-1', concealed: false },
      { name: 'Recovery code', value: null, concealed: true },
    ]);
    const shown = await cli.json<{ items: (JsonItem & { rotationDays?: number | null })[] }>(['show', 'AWS deploy', '--reveal']);
    expect(shown.items[0]?.fields[1]?.value).toBe('recovery-123');
  });

  it('fills in the service of a recognised key unless --service is given', async () => {
    const gh = await cli.json<Added>(['add', 'api_key', '--title', 'GH CI', '--secret-stdin'], [GH]);
    expect(gh.item.service).toBe('GitHub');
    const own = await cli.json<Added>(['add', 'api_key', '--title', 'GH mine', '--service', 'My forge', '--secret-stdin'], [GH]);
    expect(own.item.service).toBe('My forge');
    const tw = await cli.json<Added>(['add', 'api_key', '--title', 'Twilio', '--key-id', TWILIO_SID, '--secret-stdin'], ['f'.repeat(32)]);
    expect(tw.item.service).toBe('Twilio');
    const gcp = await cli.json<Added>(['add', 'api_key', '--title', 'GCP CI', '--secret-stdin'], [GCP]);
    expect(gcp.item).toMatchObject({ service: 'Google Cloud', keyId: 'ci@demo.iam.gserviceaccount.com' });
  });

  it('edit sets, replaces and removes custom fields, changes the rotation interval, and prints --json', async () => {
    const { id } = await cli.json<Added>(['add', 'note', '--title', 'Fields', '--field', 'a=1', '--field', 'b=2']);
    const edited = await cli.json<Added>(['edit', id, '--field', 'A=10', '--remove-field', 'b', '--concealed-field', 'pin'], ['4321']);
    expect(edited.item.fields).toEqual([
      { name: 'a', value: '10', concealed: false },
      { name: 'pin', value: null, concealed: true },
    ]);
    const missing = await cli.run(['edit', id, '--remove-field', 'nope']);
    expect(missing.code).toBe(4);
    const bad = await cli.run(['edit', id, '--field', 'no-equals-sign']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('NAME=VALUE');
    const key = await cli.json<Added>(['add', 'api_key', '--title', 'Rotating', '--rotate-days', '30', '--secret-stdin'], ['s3cr3t-value']);
    expect((await cli.run(['edit', key.id, '--rotate-days', '0'])).code).toBe(0);
    expect((await cli.run(['edit', key.id, '--rotate-days', 'often'])).code).toBe(1);
  });

  it('rm, restore and totp print JSON', async () => {
    const { id } = await cli.json<Added>(['add', 'login', '--title', 'Shortlived', '--totp-stdin'], ['JBSWY3DPEHPK3PXP']);
    expect(await cli.json(['rm', id])).toEqual({ id, title: 'Shortlived', purged: false });
    expect((await cli.json<Added>(['restore', id])).item.deletedAt).toBeNull();
    expect(await cli.json(['totp', id, '--time', '59'])).toEqual({ code: '996554', expiresInSeconds: 1, digits: 6, period: 30 });
    expect(await cli.json(['rm', id, '--purge'])).toEqual({ id, title: 'Shortlived', purged: true });
  });
});

describe('key sets in env and run', () => {
  it('env exports an AWS pair as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION', async () => {
    const out = await cli.ok(['env', 'AWS deploy']);
    expect(out).toBe(`export AWS_ACCESS_KEY_ID='${AWS_ID}'\nexport AWS_SECRET_ACCESS_KEY='${AWS_SECRET}'\nexport AWS_REGION='eu-west-1'\n`);
    expect(await cli.json(['env', 'AWS deploy'])).toEqual({ variables: { AWS_ACCESS_KEY_ID: AWS_ID, AWS_SECRET_ACCESS_KEY: AWS_SECRET, AWS_REGION: 'eu-west-1' } });
    // Naming one variable still picks one value.
    expect(await cli.ok(['env', 'KEY=AWS deploy'])).toBe(`export KEY='${AWS_SECRET}'\n`);
    expect(await cli.ok(['env', 'Twilio'])).toBe(`export TWILIO_ACCOUNT_SID='${TWILIO_SID}'\nexport TWILIO_AUTH_TOKEN='${'f'.repeat(32)}'\n`);
  });

  it('run --env ITEM hands the whole set to the program', async () => {
    const r = await cli.run(['run', '--no-masking', '--env', 'AWS deploy', '--', 'sh', '-c', 'printf "%s:%s:%s" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_REGION"']);
    expect(r.stdout).toBe(`${AWS_ID}:${AWS_SECRET}:eu-west-1`);
    const script = `${await cli.ok(['env', 'GCP CI'])}\nprintf '%s' "$GOOGLE_CREDENTIALS"`;
    expect(JSON.parse(execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' })).client_email).toBe('ci@demo.iam.gserviceaccount.com');
  });
});
