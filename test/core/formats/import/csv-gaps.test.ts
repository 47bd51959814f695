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

describe('NordPass CSV', () => {
  it('reads additional URLs and custom fields from their JSON, skips folder rows, and makes cards notes', async () => {
    const vault = await newVault();
    const header = 'name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,pin,expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,state,type,custom_fields';
    const rows = [
      'Work,,,,,,,,,,,,,,,,,,,,,folder,',
      'Git,https://git.example,"[""https://ci.example""]",dev,pw,a note,,,,,,,Work,,,,,,,,,password,"[{""label"":""Token"",""type"":""hidden"",""value"":""t-1""},{""label"":""Team"",""type"":""text"",""value"":""core""}]"',
      'Visa,,,,,,A B,4111111111111111,123,,12/30,,,,,,,,,,,credit_card,',
    ];
    const checked = await previewImport(vault, csv(`${header}\n${rows.join('\n')}\n`));
    expect(checked.preview.format).toBe('nordpass');
    expect(checked.preview.problems).toEqual([]);
    await commitImport(vault, checked);
    const by = (t: string) => vault.items.withSecrets(vault.items.list({}).find((i) => i.title === t)?.id ?? '');
    expect(vault.items.list({}).map((i) => i.title).sort()).toEqual(['Git', 'Visa']);
    expect(by('Git')).toMatchObject({ type: 'login', folder: 'Work', urls: ['https://git.example', 'https://ci.example'], username: 'dev', password: 'pw', notes: 'a note' });
    expect(by('Git').fields).toEqual([
      { name: 'Token', value: 't-1', concealed: true },
      { name: 'Team', value: 'core', concealed: false },
    ]);
    expect(by('Visa').type).toBe('note');
    expect(by('Visa').fields).toEqual(expect.arrayContaining([{ name: 'Cardnumber', value: '4111111111111111', concealed: true }, { name: 'Cvc', value: '123', concealed: true }]));
  });
});
