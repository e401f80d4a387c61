import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AccountEntity } from './account.entity';
import { AccountRecordService } from './account-record.service';
import { DataExportLimitService } from './data-export-limit.service';
import { ClientKeyService } from './client-key.service';
import { ClientRateLimitService } from './client-rate-limit.service';
import { InstallationSecretsService } from './installation-secrets.service';
import { ProofOfWorkService } from './proof-of-work.service';
import { AccountLoadersFactory } from './account.loaders';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { MemberResolver } from './member.resolver';
import { PassphraseService } from './passphrase.service';
import { AccountsRepository } from './repositories/accounts.repository';
import { ClientRateCountersRepository } from './repositories/client-rate-counters.repository';
import { DataExportEventsRepository } from './repositories/data-export-events.repository';
import { InstallationSecretsRepository } from './repositories/installation-secrets.repository';
import { ModerationMembersRepository } from './repositories/moderation-members.repository';
import { ProofOfWorkRepository } from './repositories/proof-of-work.repository';
import { RecoveryCodesRepository } from './repositories/recovery-codes.repository';
import { SessionsRepository } from './repositories/sessions.repository';
import { SignInThrottleRepository } from './repositories/sign-in-throttle.repository';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionCookies } from './session-cookies.service';
import { SessionCsrfService } from './session-csrf.service';
import { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';
import { SignInThrottleEntity } from './sign-in-throttle.entity';
import { SignInThrottleService } from './sign-in-throttle.service';
import { ProgressResolver } from './progress/progress.resolver';
import { ProgressService } from './progress/progress.service';
import { RecoveryComebacksRepository } from './progress/recovery-comebacks.repository';

/**
 * Pseudonyms, passphrases, sessions, recovery codes, profile, deletion, roles, and the
 * account's part of a member's data export (with its limit).
 */
@Module({
  imports: [AuditModule, TypeOrmModule.forFeature([AccountEntity, SessionEntity, RecoveryCodeEntity, SignInThrottleEntity])],
  providers: [
    AccountsRepository,
    SessionsRepository,
    RecoveryCodesRepository,
    SignInThrottleRepository,
    ClientRateCountersRepository,
    ProofOfWorkRepository,
    InstallationSecretsRepository,
    ModerationMembersRepository,
    DataExportEventsRepository,
    RecoveryComebacksRepository,
    ProgressService,
    ProgressResolver,
    AccountsService,
    AccountRecordService,
    DataExportLimitService,
    SessionsService,
    SessionCsrfService,
    SessionCookies,
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
  exports: [
    ModerationMembersRepository,
    ProgressService,
    AccountsService,
    AccountRecordService,
    DataExportLimitService,
    SessionsService,
    SessionCsrfService,
    SessionCookies,
    AccountLoadersFactory,
    PassphraseService,
    ClientKeyService,
    InstallationSecretsService,
  ],
})
export class AccountsModule {}
