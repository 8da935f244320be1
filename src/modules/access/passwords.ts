import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../server/errors.ts';

/** OWASP's minimum for argon2id (the library's default algorithm): 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real check, so a response's timing does not tell whether a username exists. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('sinergi-no-such-user-0');
  await verify(await dummyHash, password);
}

const MIN_LENGTH = 10;
/** argon2 hashes any length; the cap keeps a megabyte "password" from being a cheap denial of service. */
const MAX_LENGTH = 128;

/** The passwords tried first by every guesser, and the obvious ones for this office. */
const COMMON = new Set([
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'password123',
  'password1234',
  'passw0rd123',
  'admin12345',
  'administrator1',
  'sinergi123',
  'sinergi2025',
  'dinsos12345',
  'dinassosial1',
  'indonesia1945',
  'bismillah123',
  'rahasia12345',
  'qwerty12345',
  'abcdefg123',
  'abc1234567',
]);

/** The reasons a password is too weak, in Bahasa Indonesia and English; empty when it is fine. */
export function passwordProblems(password: string, username: string): { id: string; en: string }[] {
  const problems: { id: string; en: string }[] = [];
  if (password.length < MIN_LENGTH)
    problems.push({ id: `minimal ${MIN_LENGTH} karakter`, en: `at least ${MIN_LENGTH} characters` });
  if (password.length > MAX_LENGTH)
    problems.push({ id: `maksimal ${MAX_LENGTH} karakter`, en: `at most ${MAX_LENGTH} characters` });
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password))
    problems.push({ id: 'memuat huruf dan angka', en: 'contains letters and digits' });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push({ id: 'tidak memuat nama pengguna', en: 'does not contain the username' });
  if (COMMON.has(password.toLowerCase()))
    problems.push({ id: 'bukan kata sandi yang umum dipakai', en: 'is not a commonly used password' });
  return problems;
}

export function checkPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  throw new AppError(
    400,
    'weak_password',
    `Kata sandi harus: ${problems.map((p) => p.id).join('; ')}`,
    `The password must be: ${problems.map((p) => p.en).join('; ')}`,
    { reasons: problems.map((p) => p.en) },
  );
}
