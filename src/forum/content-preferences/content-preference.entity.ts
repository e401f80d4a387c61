import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import type { ContentWarning } from '../post-status';
import type { WarningDisplay } from './warning-display';

/**
 * How a member wants posts carrying one content warning shown: COLLAPSE or HIDE. SHOW, the
 * default, is no row. Private to the member; gone with the account.
 */
@Entity('content_preference')
export class ContentPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'content_preference_pkey' })
  accountId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'content_preference_pkey' })
  warning!: ContentWarning;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'content_preference_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'text' })
  display!: WarningDisplay;
}
