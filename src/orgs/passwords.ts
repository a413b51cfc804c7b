// Password hashing with argon2id (memory-hard), and the rule a new password must meet.
import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): strong, and fast enough for a login under load.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so an unknown address takes as long as a wrong password.
let dummy: Promise<string> | null = null;
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('not a real account, only spends the same time');
  await verifyPassword(await dummy, password);
}

/** Null when acceptable, otherwise what is wrong (length is what matters; no composition rules). */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 12) return 'The password must have at least 12 characters.';
  if (password.length > 256) return 'The password must have at most 256 characters.';
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0]!) && email.split('@')[0]!.length >= 4) {
    return 'The password must not contain your e-mail name.';
  }
  if (/^(.)\1+$/.test(password)) return 'The password must not be one character repeated.';
  return null;
}
