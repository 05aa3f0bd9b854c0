import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A linkage may start from a held fair meeting instead of a posted need: the cooperative and
 * the company (or a second cooperative) met, negotiation started, and one click carries it on as
 * a linkage. Such a linkage names its origin meeting and the other side directly; a CHECK keeps
 * every linkage tied to a need or to a meeting with a counterpart, and a unique key gives each
 * meeting at most one linkage, so a second click finds the first one instead of opening another.
 */
export class FairLinkage1764810000000 implements MigrationInterface {
  name = 'FairLinkage1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE linkage ALTER COLUMN need_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE linkage
        ADD COLUMN fair_meeting_id uuid REFERENCES fair_meeting(id) ON DELETE RESTRICT,
        ADD COLUMN counterpart_business_id uuid REFERENCES business(id),
        ADD COLUMN counterpart_cooperative_id uuid REFERENCES cooperative(id),
        ADD CONSTRAINT linkage_origin_chk CHECK (need_id IS NOT NULL OR fair_meeting_id IS NOT NULL),
        ADD CONSTRAINT linkage_counterpart_chk CHECK (
          CASE WHEN need_id IS NULL
               THEN (counterpart_business_id IS NULL) <> (counterpart_cooperative_id IS NULL)
               ELSE counterpart_business_id IS NULL AND counterpart_cooperative_id IS NULL END),
        ADD CONSTRAINT linkage_counterpart_not_self CHECK (counterpart_cooperative_id IS DISTINCT FROM cooperative_id),
        ADD CONSTRAINT linkage_fair_meeting_uq UNIQUE (fair_meeting_id)`);
    await q.query(
      `CREATE INDEX linkage_counterpart_business_idx ON linkage(counterpart_business_id) WHERE counterpart_business_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX linkage_counterpart_cooperative_idx ON linkage(counterpart_cooperative_id) WHERE counterpart_cooperative_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM linkage WHERE need_id IS NULL`);
    await q.query(`DROP INDEX IF EXISTS linkage_counterpart_business_idx`);
    await q.query(`DROP INDEX IF EXISTS linkage_counterpart_cooperative_idx`);
    await q.query(`
      ALTER TABLE linkage
        DROP CONSTRAINT linkage_fair_meeting_uq,
        DROP CONSTRAINT linkage_counterpart_not_self,
        DROP CONSTRAINT linkage_counterpart_chk,
        DROP CONSTRAINT linkage_origin_chk,
        DROP COLUMN counterpart_cooperative_id,
        DROP COLUMN counterpart_business_id,
        DROP COLUMN fair_meeting_id`);
    await q.query(`ALTER TABLE linkage ALTER COLUMN need_id SET NOT NULL`);
  }
}
