import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cooperative manager hears of a fair the way they hear of a need: a request
 * to meet them, and their agenda being placed or changed, reach the bell, so an
 * unanswered request does not expire unseen.
 */
export class FairNotifications1764876000000 implements MigrationInterface {
  name = 'FairNotifications1764876000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN fair_id uuid REFERENCES fair(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind_check
         CHECK (kind IN ('NEED_MATCH','LINKAGE_PROPOSED','LINKAGE_STEP','LINKAGE_MESSAGE','MEETING_REQUEST','AGENDA_CHANGED'))`,
    );
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_fair_kind_check
         CHECK ((kind IN ('MEETING_REQUEST','AGENDA_CHANGED')) = (fair_id IS NOT NULL))`,
    );
    await q.query(`CREATE INDEX notification_fair_idx ON notification(fair_id) WHERE fair_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind IN ('MEETING_REQUEST','AGENDA_CHANGED')`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_fair_kind_check`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN ('NEED_MATCH','LINKAGE_PROPOSED','LINKAGE_STEP','LINKAGE_MESSAGE'))`,
    );
    await q.query(`ALTER TABLE notification DROP COLUMN fair_id`);
  }
}
