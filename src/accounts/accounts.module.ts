import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AccountEntity } from './account.entity';
import { ClientKeyService } from './client-key.service';
import { ClientRateLimitService } from './client-rate-limit.service';
import { InstallationSecretsService } from './installation-secrets.service';
import { ProofOfWorkService } from './proof-of-work.service';
import { AccountLoadersFactory } from './account.loaders';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { MemberResolver } from './member.resolver';
import { PassphraseService } from './passphrase.service';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';
import { SignInThrottleEntity } from './sign-in-throttle.entity';
import { SignInThrottleService } from './sign-in-throttle.service';

/**
 * Pseudonyms, passphrases, sessions, recovery codes, profile, deletion, roles.
 */
@Module({
  imports: [AuditModule, TypeOrmModule.forFeature([AccountEntity, SessionEntity, RecoveryCodeEntity, SignInThrottleEntity])],
  providers: [
    AccountsService,
    SessionsService,
    PassphraseService,
    RecoveryCodesService,
    SignInThrottleService,
    InstallationSecretsService,
    ClientKeyService,
    ClientRateLimitService,
    ProofOfWorkService,
    AccountLoadersFactory,
    AccountsResolver,
    MemberResolver,
  ],
  exports: [AccountsService, SessionsService, AccountLoadersFactory, PassphraseService, ClientKeyService, InstallationSecretsService],
})
export class AccountsModule {}
