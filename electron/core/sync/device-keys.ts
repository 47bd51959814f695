// Each device's own X25519 key pair. Its public half travels in the device's batches (sealed
// under the sync key, so nobody without the key can plant one); the private half stays in the
// device's vault. Revoking a device wraps the next sync key to the public key of every device
// that stays, and to no other, so the revoked one cannot read anything written afterwards.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import { open, seal } from '../crypto/cipher';

export interface DeviceKeyPair {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
}

export interface KeyWrap {
  /** The sender's one-time public key (SPKI DER, base64). */
  ephemeral: string;
  sealed: string;
}

export function newDeviceKeyPair(): DeviceKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

function wrapKey(shared: Buffer, context: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', shared, new Uint8Array(0), `keystash-sync key-wrap ${context}`, 32));
}

/** Seals `key` so that only the holder of `publicKey`'s private half opens it; `context` binds it (vault, epoch, device). */
export function wrapFor(publicKey: string, key: Uint8Array, context: string): KeyWrap {
  const eph = generateKeyPairSync('x25519');
  const peer = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  const k = wrapKey(diffieHellman({ privateKey: eph.privateKey, publicKey: peer }), context);
  const sealed = seal(k, new TextEncoder().encode(context), key);
  k.fill(0);
  return { ephemeral: eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), sealed: Buffer.from(sealed).toString('base64') };
}

/** The wrapped key, or null when it was not wrapped for this private key or was altered. */
export function unwrapWith(privateKey: string, wrap: KeyWrap, context: string): Uint8Array | null {
  try {
    const own = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    const eph = createPublicKey({ key: Buffer.from(wrap.ephemeral, 'base64'), format: 'der', type: 'spki' });
    const k = wrapKey(diffieHellman({ privateKey: own, publicKey: eph }), context);
    const key = open(k, new TextEncoder().encode(context), new Uint8Array(Buffer.from(wrap.sealed, 'base64')));
    k.fill(0);
    return key;
  } catch {
    return null;
  }
}
