import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/common/auth/role';
import type { TestApp } from './test-app';

export interface TestMember {
  token: string;
  accountId: string;
  pseudonym: string;
  passphrase: string;
  recoveryCodes: string[];
}

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { token recoveryCodes account { id member { id pseudonym } } }
}`;

/** Registers a member over GraphQL, as a person would. */
export async function registerMember(app: TestApp, pseudonym?: string): Promise<TestMember> {
  const passphrase = `correct horse ${randomBytes(4).toString('hex')}`;
  const response = await app.gql<{
    register: { token: string; recoveryCodes: string[]; account: { id: string; member: { pseudonym: string } } };
  }>(REGISTER, {
    input: { passphrase, ...(pseudonym ? { pseudonym } : {}) },
  });
  if (!response.data) throw new Error(`register failed: ${JSON.stringify(response.errors)}`);
  const { token, recoveryCodes, account } = response.data.register;
  return { token, accountId: account.id, pseudonym: account.member.pseudonym, passphrase, recoveryCodes };
}

export type { Role };

/** Sets a role directly, as the operator CLI does (the CLI itself is tested separately). */
export async function setRole(app: TestApp, accountId: string, role: Role): Promise<void> {
  await app.dataSource.query('UPDATE account SET role = $1 WHERE id = $2', [role, accountId]);
}
