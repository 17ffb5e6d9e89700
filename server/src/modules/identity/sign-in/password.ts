/**
 * Passwords: argon2id (OWASP parameters: 19 MiB, 2 passes), and the policy people are told about.
 */
import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../../../platform/errors.js';

// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** A hash of a password nobody has, verified against when an account does not exist, so that a
 * failed sign-in takes as long whether or not the account exists. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword('decoy-password-for-timing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** 8–64 characters with letters and digits, not the account name itself. */
export function passwordProblems(password: string, account: string[] = []): FieldError[] {
  const problems: FieldError[] = [];
  const bad = (zh: string, en: string) =>
    problems.push({ field: 'body.password', code: 'IDENTITY.WEAK_PASSWORD', message: { zh, en } });
  if (password.length < 8 || password.length > 64)
    bad('密码长度应为 8–64 位', 'A password must have 8 to 64 characters');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    bad('密码须同时包含字母和数字', 'A password must contain letters and digits');
  if (account.some((a) => a && password.toLowerCase().includes(a.toLowerCase())))
    bad('密码不能包含证件号码、手机号或用户名', 'A password must not contain your ID number, phone or user name');
  return problems;
}
