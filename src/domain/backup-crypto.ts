// Encrypted backups: the export text sealed with a passphrase (Web Crypto: PBKDF2-SHA-256 → HKDF → AES-GCM).
// A short key check tells a wrong passphrase from a damaged file. Format: docs/data-format.md.

export const BACKUP_FORMAT = 'qm-maturity-encrypted';
export const BACKUP_FORMAT_VERSION = 1;
/** PBKDF2 rounds for new backups (OWASP 2023 for PBKDF2-HMAC-SHA256); about 0.2 s per derivation in Node 20. */
export const PBKDF2_ITERATIONS = 600_000;
/** Bounds accepted when reading, so a doctored file can neither weaken nor hang the derivation. */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 16;

export interface EncryptedBackup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string; check: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
}

export type BackupErrorCode = 'notEncryptedBackup' | 'damagedBackup' | 'wrongPassphrase' | 'newerBackupVersion' | 'emptyPassphrase';

export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode) {
    super(code);
    this.name = 'BackupError';
  }
}

const encoder = new TextEncoder();

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Strict base64 (no whitespace, correct padding); null when it is not. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An AES key and a key check from the passphrase: one PBKDF2 run, split with HKDF. */
async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<{ key: CryptoKey; check: Uint8Array }> {
  const subtle = globalThis.crypto.subtle;
  const password = await subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const master = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, password, 256);
  const hkdf = await subtle.importKey('raw', master, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const info = (label: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(`${BACKUP_FORMAT}/${label}`) });
  const key = await subtle.deriveKey(info('encrypt'), hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const check = new Uint8Array(await subtle.deriveBits(info('check'), hkdf, CHECK_BYTES * 8));
  return { key, check };
}

const additionalData = () => encoder.encode(`${BACKUP_FORMAT}/${BACKUP_FORMAT_VERSION}`);

export async function encrypt(text: string, passphrase: string, options: { iterations?: number } = {}): Promise<EncryptedBackup> {
  if (passphrase === '') throw new BackupError('emptyPassphrase');
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const { key, check } = await deriveKeys(passphrase, salt, iterations);
  const data = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData() }, key, encoder.encode(text));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt), check: toBase64(check) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(new Uint8Array(data)),
  };
}

/** Whether a file's text (or parsed value) is an encrypted backup, possibly damaged. */
export function isEncryptedBackup(input: unknown): boolean {
  if (typeof input === 'string') return input.slice(0, 200).includes(`"${BACKUP_FORMAT}"`);
  return typeof input === 'object' && input !== null && (input as { format?: unknown }).format === BACKUP_FORMAT;
}

interface Sealed {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  check: Uint8Array;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** Checks the envelope's shape; throws the matching BackupError. */
function readEnvelope(input: unknown): Sealed {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      throw new BackupError(isEncryptedBackup(input) ? 'damagedBackup' : 'notEncryptedBackup');
    }
  }
  if (!isEncryptedBackup(value) || typeof value !== 'object' || value === null) throw new BackupError('notEncryptedBackup');
  const e = value as { formatVersion?: unknown; kdf?: Record<string, unknown>; cipher?: Record<string, unknown>; data?: unknown };
  if (typeof e.formatVersion === 'number' && Number.isInteger(e.formatVersion) && e.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newerBackupVersion');
  }
  const damaged = () => new BackupError('damagedBackup');
  if (e.formatVersion !== BACKUP_FORMAT_VERSION || typeof e.kdf !== 'object' || e.kdf === null) throw damaged();
  if (typeof e.cipher !== 'object' || e.cipher === null) throw damaged();
  const { name, hash, iterations, salt, check } = e.kdf;
  if (name !== 'PBKDF2' || hash !== 'SHA-256' || e.cipher.name !== 'AES-GCM') throw damaged();
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) throw damaged();
  const bytes = (v: unknown, min: number, max = min) => {
    const b = typeof v === 'string' ? fromBase64(v) : null;
    if (!b || b.length < min || b.length > max) throw damaged();
    return b as Uint8Array<ArrayBuffer>;
  };
  return {
    iterations,
    salt: bytes(salt, SALT_BYTES),
    check: bytes(check, CHECK_BYTES),
    iv: bytes(e.cipher.iv, IV_BYTES),
    data: bytes(e.data, 16, Number.MAX_SAFE_INTEGER),
  };
}

/** The text sealed in an envelope (its file text or parsed JSON). Throws BackupError. */
export async function decrypt(input: unknown, passphrase: string): Promise<string> {
  const sealed = readEnvelope(input);
  if (passphrase === '') throw new BackupError('wrongPassphrase');
  const { key, check } = await deriveKeys(passphrase, sealed.salt, sealed.iterations);
  if (check.some((b, i) => b !== sealed.check[i])) throw new BackupError('wrongPassphrase');
  let plain: ArrayBuffer;
  try {
    plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: additionalData() }, key, sealed.data);
  } catch {
    throw new BackupError('damagedBackup');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new BackupError('damagedBackup');
  }
}

/** The envelope as file text. */
export function serializeBackup(envelope: EncryptedBackup): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
