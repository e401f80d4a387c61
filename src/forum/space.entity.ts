import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A topic area. Spaces are seeded by a migration; operators add more with SQL or a migration. */
@Entity('space')
@Unique('space_slug_key', ['slug'])
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
