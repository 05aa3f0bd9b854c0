import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each session remembers the refresh token it replaced, and when. A replaced
 * token presented again means a copy of it is in someone else's hands (the
 * rightful browser already holds the newer one), so the session is ended.
 */
export class RefreshTokenReuse1764870000000 implements MigrationInterface {
  name = 'RefreshTokenReuse1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_session ADD COLUMN previous_token_hash text, ADD COLUMN rotated_at timestamptz`);
    await q.query(
      `CREATE INDEX auth_session_previous_token_idx ON auth_session(previous_token_hash) WHERE previous_token_hash IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX auth_session_previous_token_idx`);
    await q.query(`ALTER TABLE auth_session DROP COLUMN rotated_at, DROP COLUMN previous_token_hash`);
  }
}
