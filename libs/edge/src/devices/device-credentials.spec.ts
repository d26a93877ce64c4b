import { generateDevicePassword, hashDevicePassword, verifyDevicePassword } from './device-credentials';

describe('device credentials', () => {
  it('stores a salted scrypt hash that verifies the password and nothing else', async () => {
    const password = generateDevicePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const stored = await hashDevicePassword(password);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(password);
    await expect(verifyDevicePassword(password, stored)).resolves.toBe(true);
    await expect(verifyDevicePassword(`${password}x`, stored)).resolves.toBe(false);
    expect(await hashDevicePassword(password)).not.toBe(stored);
  });

  it('refuses malformed stored hashes', async () => {
    await expect(verifyDevicePassword('p', 'plain')).resolves.toBe(false);
    await expect(verifyDevicePassword('p', 'scrypt$x$8$1$c2FsdA$aGFzaA')).resolves.toBe(false);
  });
});
