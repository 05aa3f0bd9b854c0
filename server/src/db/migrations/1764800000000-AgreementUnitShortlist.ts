import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agreement records its own unit (the contract may count in a different
 * unit from the need), and a business keeps a shortlist of matches per need
 * to compare them and propose linkages from it.
 */
export class AgreementUnitShortlist1764800000000 implements MigrationInterface {
  name = 'AgreementUnitShortlist1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreement ADD COLUMN unit text`);
    await q.query(`UPDATE agreement a SET unit = n.unit FROM linkage l JOIN need n ON n.id = l.need_id WHERE l.id = a.linkage_id`);
    await q.query(`ALTER TABLE agreement ALTER COLUMN unit SET NOT NULL`);
    // The whole contract value must fit a bigint and stay exact in the client's numbers.
    await q.query(`ALTER TABLE agreement ADD CONSTRAINT agreement_total_bound CHECK (total_value <= 9007199254740991)`);

    await q.query(`
      CREATE TABLE need_shortlist (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id         uuid NOT NULL REFERENCES need(id) ON DELETE CASCADE,
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id) ON DELETE CASCADE,
        product_id      uuid REFERENCES product(id) ON DELETE CASCADE,
        added_by        uuid REFERENCES app_user(id) ON DELETE SET NULL,
        added_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT need_shortlist_uq UNIQUE NULLS NOT DISTINCT (need_id, cooperative_id, product_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS need_shortlist`);
    await q.query(`ALTER TABLE agreement DROP CONSTRAINT IF EXISTS agreement_total_bound`);
    await q.query(`ALTER TABLE agreement DROP COLUMN IF EXISTS unit`);
  }
}
