// Time-based one-time passwords (RFC 6238) for items that store an otpauth:// URI or a bare
// base32 secret. Parsing and the HMAC arithmetic come from the `otpauth` library; this module
// only narrows what Keystash accepts (SHA1/SHA256/SHA512, 6–8 digits, a 30 or 60 s period)
// and turns every malformed value into one clear sentence.
import { Secret, TOTP, URI } from 'otpauth';
import { KeystashError } from '../errors';

export const TOTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type TotpAlgorithm = (typeof TOTP_ALGORITHMS)[number];
export const TOTP_PERIODS = [30, 60] as const;
/** 80 bits: shorter secrets are not issued by real services and are easy to mistype. */
const MIN_BASE32_CHARS = 16;

export interface TotpConfig {
  secret: string;
  algorithm: TotpAlgorithm;
  digits: number;
  period: number;
  issuer: string;
  label: string;
}

export interface TotpCode {
  code: string;
  period: number;
  digits: number;
  /** Milliseconds until this code is replaced by the next one. */
  expiresInMs: number;
}

function invalid(message: string): KeystashError {
  return new KeystashError('invalid-input', `The one-time-password secret is not valid: ${message}.`);
}

function normalizeBase32(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase().replace(/=+$/, '');
}

function checkBase32(secret: string): void {
  if (!/^[A-Z2-7]+$/.test(secret)) throw invalid('a base32 secret uses only the letters A–Z and the digits 2–7');
  if (secret.length < MIN_BASE32_CHARS) throw invalid(`a base32 secret has at least ${MIN_BASE32_CHARS} characters`);
}

function checkShape(algorithm: string, digits: number, period: number): TotpAlgorithm {
  const alg = algorithm.toUpperCase().replace('-', '');
  if (!(TOTP_ALGORITHMS as readonly string[]).includes(alg)) throw invalid(`the algorithm must be SHA1, SHA256 or SHA512, not ${algorithm}`);
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw invalid('codes have 6 to 8 digits');
  if (!(TOTP_PERIODS as readonly number[]).includes(period)) throw invalid('the period must be 30 or 60 seconds');
  return alg as TotpAlgorithm;
}

function parseUri(value: string): TotpConfig {
  let params: URLSearchParams;
  try {
    params = new URL(value).searchParams;
  } catch {
    throw invalid('the otpauth:// URI is malformed');
  }
  const rawSecret = params.get('secret');
  if (!rawSecret) throw invalid('the otpauth:// URI has no secret');
  checkBase32(normalizeBase32(rawSecret));
  let otp: ReturnType<typeof URI.parse>;
  try {
    // `otpauth://totp/?secret=…` (no label, as some exporters write it) is a valid code; the
    // library wants a label, so an empty one is read as if it were there.
    otp = URI.parse(value.replace(/^(otpauth:\/\/totp\/)(?=\?)/i, '$1Keystash'));
  } catch (err) {
    throw invalid(`the otpauth:// URI could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!(otp instanceof TOTP)) throw invalid('only time-based (otpauth://totp/) codes are supported, not counter-based ones');
  const algorithm = checkShape(otp.algorithm, otp.digits, otp.period);
  const noLabel = /^otpauth:\/\/totp\/\?/i.test(value);
  return { secret: otp.secret.base32, algorithm, digits: otp.digits, period: otp.period, issuer: otp.issuer, label: noLabel ? '' : otp.label };
}

/** Reads a stored TOTP value (URI or base32 secret); throws `invalid-input` when malformed. */
export function parseTotp(value: string): TotpConfig {
  const v = value.trim();
  if (v === '') throw invalid('it is empty');
  if (/^otpauth:/i.test(v)) {
    if (!/^otpauth:\/\/totp\//i.test(v)) {
      throw invalid(/^otpauth:\/\/hotp\//i.test(v) ? 'only time-based (otpauth://totp/) codes are supported' : 'an otpauth URI starts with otpauth://totp/');
    }
    return parseUri(v);
  }
  const secret = normalizeBase32(v);
  checkBase32(secret);
  return { secret, algorithm: 'SHA1', digits: 6, period: 30, issuer: '', label: '' };
}

/** The reason a stored TOTP value would be refused, or null when it is empty or valid. */
export function totpProblem(value: string): string | null {
  if (value.trim() === '') return null;
  try {
    parseTotp(value);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Throws `invalid-input` for a malformed non-empty TOTP value; used where items are saved. */
export function assertValidTotp(value: string, where?: string): void {
  const problem = totpProblem(value);
  if (problem) throw new KeystashError('invalid-input', where ? `${where}: ${problem}` : problem);
}

/** The code at `nowMs` (ms since epoch) and how long it stays current. */
export function totpCode(value: string, nowMs: number): TotpCode {
  const cfg = parseTotp(value);
  const totp = new TOTP({ secret: Secret.fromBase32(cfg.secret), algorithm: cfg.algorithm, digits: cfg.digits, period: cfg.period });
  const periodMs = cfg.period * 1000;
  const expiresInMs = periodMs - (((nowMs % periodMs) + periodMs) % periodMs);
  return { code: totp.generate({ timestamp: nowMs }), period: cfg.period, digits: cfg.digits, expiresInMs };
}
