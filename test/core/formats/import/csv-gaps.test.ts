// CSV gaps found with exports shaped like the real ones: a header naming one column twice is
// refused; Bitwarden's `fields` line without a name keeps its value; an otpauth:// URI with an
// empty label is a working one-time password; Proton Pass's `autofillUrls` JSON column adds
// its URLs.
import { describe, expect, it } from 'vitest';
import { commitImport, loadFile, previewImport } from '../../../../electron/core/formats/import';
import { totpCode } from '../../../../electron/core/items/totp';
import { newVault } from '../../fixtures/vault-helpers';

const csv = (text: string) => loadFile(new TextEncoder().encode(text));

describe('CSV gaps', () => {
  it('refuses a header that names a column twice, importing nothing', async () => {
    const vault = await newVault();
    await expect(previewImport(vault, csv('name,url,username,password,Password\nA,https://a.example,u,p1,p2\n'))).rejects.toThrow(/names the column “password” twice \(as “Password”\)/);
    expect(vault.items.list({})).toEqual([]);
  });

  it('a Bitwarden field line “: value” keeps the value under a neutral name', async () => {
    const vault = await newVault();
    const file = 'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n,,login,Site,,": orphan value\nPIN: 1234",0,https://s.example,u,p,\n';
    const checked = await previewImport(vault, csv(file));
    await commitImport(vault, checked);
    const id = vault.items.list({})[0]?.id ?? '';
    expect(vault.items.withSecrets(id).fields).toEqual([
      { name: 'Field', value: 'orphan value', concealed: false },
      { name: 'PIN', value: '1234', concealed: true },
    ]);
  });

  it('an otpauth:// URI with an empty label is kept as the one-time password', async () => {
    const vault = await newVault();
    const checked = await previewImport(vault, csv('Title,URL,Username,Password,Notes,OTPAuth\nMail,https://m.example,u,p,,otpauth://totp/?secret=JBSWY3DPEHPK3PXP&issuer=Mail\n'));
    await commitImport(vault, checked);
    const item = vault.items.withSecrets(vault.items.list({})[0]?.id ?? '');
    expect(item.totp).toBe('otpauth://totp/?secret=JBSWY3DPEHPK3PXP&issuer=Mail');
    expect(totpCode(item.totp, 0).code).toMatch(/^\d{6}$/);
  });

  it('reads the URLs of Proton Pass’s autofillUrls column', async () => {
    const vault = await newVault();
    const file = 'type,name,url,email,username,password,note,totp,createTime,modifyTime,vault,autofillUrls\nlogin,Shop,https://shop.example,,me,pw,,,1700000000,1700000000,Personal,"[""https://shop.example"",""https://checkout.shop.example""]"\n';
    const checked = await previewImport(vault, csv(file));
    expect(checked.preview.problems).toEqual([]);
    await commitImport(vault, checked);
    expect(vault.items.withSecrets(vault.items.list({})[0]?.id ?? '').urls).toEqual(['https://shop.example', 'https://checkout.shop.example']);
  });
});
