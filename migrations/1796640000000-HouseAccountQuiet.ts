import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The house account opens each day's check-in thread, so every shared check-in would notify
 * it of a reply nobody reads: a row a reply, forever. Muting its own space keeps it quiet
 * through the same rule that keeps any member's muted space quiet (reply-recipients.ts).
 * The ids are those the CheckIns migration seeded (src/checkins/house-account.ts).
 */
export class HouseAccountQuiet1796640000000 implements MigrationInterface {
  name = 'HouseAccountQuiet1796640000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO space_mute (account_id, space_id)
       SELECT '00000000-0000-4000-8000-00000000c4ec', id FROM space WHERE slug = 'check-ins'
       ON CONFLICT DO NOTHING`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM space_mute WHERE account_id = '00000000-0000-4000-8000-00000000c4ec'
          AND space_id IN (SELECT id FROM space WHERE slug = 'check-ins')`,
    );
  }
}
