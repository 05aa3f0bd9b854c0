import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces the end of a session to every server process, whichever way it ends: signing
 * out, revoking it, deleting it, or disabling the account. Processes close the live
 * notification sockets opened with that session, so a person who signed out on a shared
 * office computer stops receiving alerts there at once. The announcement leaves with the
 * transaction's commit, before any notification stored after it.
 */
export class SessionEndedNotify1764840000002 implements MigrationInterface {
  name = 'SessionEndedNotify1764840000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION announce_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'app_user' THEN
          PERFORM pg_notify('cooplink_session_ended', json_build_object('userId', NEW.id)::text);
          RETURN NEW;
        END IF;
        PERFORM pg_notify('cooplink_session_ended', json_build_object('sessionId', OLD.id, 'userId', OLD.user_id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER auth_session_revoked AFTER UPDATE OF revoked_at ON auth_session
        FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION announce_session_ended()`);
    await q.query(`
      CREATE TRIGGER auth_session_deleted AFTER DELETE ON auth_session
        FOR EACH ROW EXECUTE FUNCTION announce_session_ended()`);
    await q.query(`
      CREATE TRIGGER app_user_disabled AFTER UPDATE OF disabled_at ON app_user
        FOR EACH ROW WHEN (OLD.disabled_at IS NULL AND NEW.disabled_at IS NOT NULL) EXECUTE FUNCTION announce_session_ended()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER app_user_disabled ON app_user`);
    await q.query(`DROP TRIGGER auth_session_deleted ON auth_session`);
    await q.query(`DROP TRIGGER auth_session_revoked ON auth_session`);
    await q.query(`DROP FUNCTION announce_session_ended()`);
  }
}
