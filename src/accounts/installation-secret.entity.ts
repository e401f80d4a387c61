import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Random secrets made once per installation, used when no key is configured. */
@Entity('installation_secret')
export class InstallationSecretEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  secret!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
