import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Attempts of one action by one client in one fixed window; the client is a keyed hash, never an address. */
@Entity('client_rate_counter')
export class ClientRateCounterEntity {
  @PrimaryColumn({ type: 'text' })
  clientKey!: string;

  @PrimaryColumn({ type: 'text' })
  action!: string;

  @Index('client_rate_counter_window_start_idx')
  @PrimaryColumn({ type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'int', default: 0 })
  count!: number;
}
