import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Oversight: the status history of cooperatives (suspension, resumption,
 * dissolution) and the progress checklist of pilot and model cooperatives.
 */
export class Oversight1764500000000 implements MigrationInterface {
  name = 'Oversight1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cooperative_status_change (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id) ON DELETE CASCADE,
        changed_on      date NOT NULL,
        from_status     text NOT NULL CHECK (from_status IN ('OPERATING','SUSPENDED','DISSOLVING','DISSOLVED')),
        to_status       text NOT NULL CHECK (to_status IN ('OPERATING','SUSPENDED','DISSOLVING','DISSOLVED')),
        reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        recorded_by     uuid REFERENCES app_user(id),
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CHECK (from_status <> to_status)
      )`);
    await q.query(
      `CREATE INDEX cooperative_status_change_coop_idx ON cooperative_status_change(cooperative_id, changed_on DESC, recorded_at DESC)`,
    );
    // The history is a record of decisions: corrections are new rows, never edits.
    await q.query(`
      CREATE FUNCTION cooperative_status_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'cooperative_status_change is append-only' USING ERRCODE = '55000';
      END $$`);
    await q.query(`
      CREATE TRIGGER cooperative_status_change_append_only_trg BEFORE UPDATE ON cooperative_status_change
      FOR EACH ROW EXECUTE FUNCTION cooperative_status_change_append_only()`);

    await q.query(`
      CREATE TABLE pilot_checklist_item (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id) ON DELETE CASCADE,
        position        smallint NOT NULL CHECK (position >= 0),
        title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        done_on         date,
        UNIQUE (cooperative_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS pilot_checklist_item`);
    await q.query(`DROP TABLE IF EXISTS cooperative_status_change`);
    await q.query(`DROP FUNCTION IF EXISTS cooperative_status_change_append_only()`);
  }
}
