import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT, decrypt, encrypt, fromBase64, isEncryptedBackup, PBKDF2_ITERATIONS, serializeBackup, toBase64, type EncryptedBackup,
} from '../../../src/domain/backup-crypto';

const TEXT = `{"format":"qm-maturity-export","note":"天津市曌明精密机械 𠀾 😀 \\"引号\\"\\n"}`;
const PASS = '我的口令 correct horse';

const flip = (b64: string, at: number) => {
  const bytes = fromBase64(b64)!;
  bytes[at]! ^= 0x01;
  return toBase64(bytes);
};

describe('encrypted backups', async () => {
  // One real envelope (600,000 rounds) shared by the tests: each derivation takes about 0.2 s.
  const sealed = await encrypt(TEXT, PASS);
  const text = serializeBackup(sealed);

  it('round trip through the file text; the envelope reveals nothing of the content', async () => {
    expect(sealed).toMatchObject({
      format: BACKUP_FORMAT, formatVersion: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS }, cipher: { name: 'AES-GCM' },
    });
    expect(fromBase64(sealed.kdf.salt)).toHaveLength(16);
    expect(fromBase64(sealed.cipher.iv)).toHaveLength(12);
    expect(text).not.toContain('qm-maturity-export');
    expect(isEncryptedBackup(text)).toBe(true);
    expect(isEncryptedBackup('{"format":"qm-maturity-export"}')).toBe(false);
    expect(await decrypt(text, PASS)).toBe(TEXT);
    // The passphrase is compared in NFC: the same text typed as decomposed characters still opens it.
    const again = await encrypt('x', 'é');
    expect(await decrypt(again, 'e\u0301')).toBe('x');
  });

  it('a wrong passphrase is told apart from damage', async () => {
    await expect(decrypt(text, '我的口令 correct hors')).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await expect(decrypt(text, '')).rejects.toMatchObject({ code: 'wrongPassphrase' });
  });

  it('tampered ciphertext, iv or tag is a damaged file', async () => {
    const data = fromBase64(sealed.data)!;
    for (const at of [0, Math.floor(data.length / 2), data.length - 1]) {
      await expect(decrypt({ ...sealed, data: flip(sealed.data, at) }, PASS)).rejects.toMatchObject({ code: 'damagedBackup' });
    }
    await expect(decrypt({ ...sealed, cipher: { ...sealed.cipher, iv: flip(sealed.cipher.iv, 3) } }, PASS)).rejects.toMatchObject({ code: 'damagedBackup' });
  });

  it('a truncated file is damaged, whether the JSON or only the data was cut', async () => {
    await expect(decrypt(text.slice(0, text.length - 30), PASS)).rejects.toMatchObject({ code: 'damagedBackup' });
    await expect(decrypt(text.slice(0, 40), PASS)).rejects.toMatchObject({ code: 'damagedBackup' });
    const cut = sealed.data.slice(0, sealed.data.length - 8);
    await expect(decrypt({ ...sealed, data: cut }, PASS)).rejects.toMatchObject({ code: 'damagedBackup' });
  });

  it.each([
    ['an export file', '{"format":"qm-maturity-export","formatVersion":1}', 'notEncryptedBackup'],
    ['not JSON', 'PK\u0003\u0004', 'notEncryptedBackup'],
    ['an array', '[]', 'notEncryptedBackup'],
    ['a newer version', (s: EncryptedBackup) => ({ ...s, formatVersion: 2 }), 'newerBackupVersion'],
    ['a version as text', (s: EncryptedBackup) => ({ ...s, formatVersion: '1' }), 'damagedBackup'],
    ['another cipher', (s: EncryptedBackup) => ({ ...s, cipher: { ...s.cipher, name: 'AES-CBC' } }), 'damagedBackup'],
    ['too few rounds', (s: EncryptedBackup) => ({ ...s, kdf: { ...s.kdf, iterations: 1000 } }), 'damagedBackup'],
    ['endless rounds', (s: EncryptedBackup) => ({ ...s, kdf: { ...s.kdf, iterations: 1e12 } }), 'damagedBackup'],
    ['a salt that is no base64', (s: EncryptedBackup) => ({ ...s, kdf: { ...s.kdf, salt: '!!!!' } }), 'damagedBackup'],
    ['no data', (s: EncryptedBackup) => ({ ...s, data: undefined }), 'damagedBackup'],
  ] as const)('%s: %s', async (_, input, code) => {
    const value = typeof input === 'function' ? input(sealed) : input;
    await expect(decrypt(value, PASS)).rejects.toMatchObject({ name: 'BackupError', code });
  });

  it('refuses an empty passphrase when sealing', async () => {
    await expect(encrypt(TEXT, '')).rejects.toMatchObject({ code: 'emptyPassphrase' });
  });

  it('base64 helpers handle large input and refuse malformed text', () => {
    const big = new Uint8Array(70_001).map((_, i) => i % 251);
    expect(fromBase64(toBase64(big))).toEqual(big);
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab c')).toBeNull();
    expect(fromBase64('====')).toBeNull();
  });
});
