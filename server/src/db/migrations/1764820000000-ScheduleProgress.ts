import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a scheduler run stands, per fair, for the staff screen that shows its progress. Written
 * outside the run's own transaction (which holds the fair row), so the screen can read it while
 * the run is still going, from any server process.
 */
export class ScheduleProgress1764820000000 implements MigrationInterface {
  name = 'ScheduleProgress1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fair_schedule_progress (
        fair_id       uuid PRIMARY KEY REFERENCES fair(id) ON DELETE CASCADE,
        phase         text NOT NULL CHECK (phase IN ('PREPARING','SOLVING','SAVING','DONE','FAILED')),
        requests      integer NOT NULL DEFAULT 0,
        participants  integer NOT NULL DEFAULT 0,
        started_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_schedule_progress`);
  }
}
