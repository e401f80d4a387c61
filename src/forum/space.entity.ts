import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A topic area. Spaces are seeded by a migration; operators add more with SQL or a migration. */
@Entity('space')
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
