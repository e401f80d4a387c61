import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How deliveries to one configured alert channel go, for /health/details: an operator sees
 * a webhook that stopped working before the night it matters. A failure is described by its
 * kind ("HTTP 500", "timeout"), never by the receiver's answer, which could echo anything.
 */
@Entity('alert_channel_status')
export class AlertChannelStatusEntity {
  /** The channel's name from ALERT_WEBHOOKS. */
  @PrimaryColumn({ type: 'text' })
  channel!: string;

  @Column({ type: 'bigint', default: 0 })
  deliveredCount!: string;

  @Column({ type: 'bigint', default: 0 })
  failedCount!: string;

  @Column({ type: 'int', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastDeliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastFailedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastFailure!: string | null;
}
