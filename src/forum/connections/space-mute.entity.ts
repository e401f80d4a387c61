import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AccountEntity } from '../../accounts/account.entity';
import { SpaceEntity } from '../space.entity';

/** A space a member muted: its threads leave their feed and bring no notifications; the space page still works. */
@Entity('space_mute')
export class SpaceMuteEntity {
  @PrimaryColumn({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'space_mute_account_id_fkey' })
  account?: Relation<AccountEntity>;

  @PrimaryColumn({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'space_mute_space_id_fkey' })
  space?: Relation<SpaceEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
