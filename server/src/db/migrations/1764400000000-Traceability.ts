import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lots, EPCIS-style trace events with a per-lot hash chain, and certificate
 * expiry reminders. Trace events are append-only in the database itself:
 * triggers refuse UPDATE, DELETE and TRUNCATE for every role, superusers
 * included, and check on INSERT that a new event links to the hash of the
 * one before it in its lot's chain.
 */
export class Traceability1764400000000 implements MigrationInterface {
  name = 'Traceability1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lot (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code            text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{2,19}$'),
        product_id      uuid NOT NULL REFERENCES product(id),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        quantity        numeric NOT NULL CHECK (quantity > 0 AND quantity <= 1000000000),
        unit            text NOT NULL CHECK (unit IN ('KGM','TNE','GRM','H87','LTR','MLT','BX','BG','DZN','SET','PR','MTK','MTR')),
        produced_on     date NOT NULL,
        expires_on      date CHECK (expires_on IS NULL OR expires_on >= produced_on),
        area_code       text NOT NULL REFERENCES area(code),
        plot            text,
        latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
        gtin            text CHECK (gtin ~ '^[0-9]{14}$'),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        version         integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX lot_product_idx ON lot(product_id, produced_on DESC)`);
    await q.query(`CREATE INDEX lot_cooperative_idx ON lot(cooperative_id)`);

    await q.query(`
      CREATE TABLE trace_event (
        id                      uuid PRIMARY KEY,
        chain_lot_id            uuid NOT NULL REFERENCES lot(id),
        seq                     integer NOT NULL CHECK (seq >= 1),
        cooperative_id          uuid NOT NULL REFERENCES cooperative(id),
        type                    text NOT NULL CHECK (type IN ('OBJECT','TRANSFORMATION','AGGREGATION','TRANSACTION')),
        action                  text CHECK (action IN ('ADD','OBSERVE','DELETE')),
        event_time              timestamptz NOT NULL,
        event_tz_offset         text NOT NULL CHECK (event_tz_offset ~ '^[+-][0-9]{2}:[0-9]{2}$'),
        record_time             timestamptz NOT NULL,
        biz_step                text NOT NULL,
        disposition             text,
        area_code               text REFERENCES area(code),
        place                   text,
        destination_business_id uuid REFERENCES business(id),
        corrects_event_id       uuid REFERENCES trace_event(id),
        details                 jsonb NOT NULL,
        created_by              uuid REFERENCES app_user(id),
        prev_hash               text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash                    text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        UNIQUE (chain_lot_id, seq),
        CHECK ((seq = 1) = (prev_hash IS NULL))
      )`);
    await q.query(`CREATE INDEX trace_event_time_idx ON trace_event(chain_lot_id, event_time)`);
    await q.query(
      `CREATE INDEX trace_event_destination_idx ON trace_event(destination_business_id) WHERE destination_business_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE trace_event_lot (
        event_id  uuid NOT NULL REFERENCES trace_event(id),
        lot_id    uuid NOT NULL REFERENCES lot(id),
        role      text NOT NULL CHECK (role IN ('SUBJECT','INPUT','OUTPUT')),
        quantity  numeric CHECK (quantity > 0 AND quantity <= 1000000000),
        unit      text,
        PRIMARY KEY (event_id, lot_id, role)
      )`);
    await q.query(`CREATE INDEX trace_event_lot_lot_idx ON trace_event_lot(lot_id, role)`);

    // Append-only for everybody: the application's role may be a superuser,
    // so privileges alone would not hold; a trigger fires for every role.
    await q.query(`
      CREATE FUNCTION trace_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'trace events are append-only: record a correcting event instead'
          USING ERRCODE = 'P0001', HINT = 'TRACE_APPEND_ONLY';
      END $$`);
    for (const t of ['trace_event', 'trace_event_lot']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION trace_refuse_change()`);
      await q.query(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION trace_refuse_change()`);
    }
    // A new event must continue its lot's chain: seq follows the last one and
    // prev_hash repeats its hash. Two concurrent writers cannot both win.
    await q.query(`
      CREATE FUNCTION trace_check_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq integer; last_hash text;
      BEGIN
        SELECT seq, hash INTO last_seq, last_hash FROM trace_event
         WHERE chain_lot_id = NEW.chain_lot_id ORDER BY seq DESC LIMIT 1;
        IF coalesce(last_seq, 0) + 1 <> NEW.seq OR NEW.prev_hash IS DISTINCT FROM last_hash THEN
          RAISE EXCEPTION 'trace event does not continue the chain of lot %', NEW.chain_lot_id
            USING ERRCODE = 'P0001', HINT = 'TRACE_CHAIN';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER trace_event_link BEFORE INSERT ON trace_event FOR EACH ROW EXECUTE FUNCTION trace_check_link()`);

    await q.query(`
      CREATE TABLE certificate_reminder (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certification_id  uuid NOT NULL REFERENCES certification(id) ON DELETE CASCADE,
        cooperative_id    uuid NOT NULL REFERENCES cooperative(id),
        expires_on        date NOT NULL,
        days_before       smallint NOT NULL CHECK (days_before >= 0),
        channel           text NOT NULL DEFAULT 'IN_APP' CHECK (channel IN ('IN_APP','EMAIL')),
        created_at        timestamptz NOT NULL DEFAULT now(),
        read_at           timestamptz,
        UNIQUE (certification_id, expires_on, days_before, channel)
      )`);
    await q.query(`CREATE INDEX certificate_reminder_coop_idx ON certificate_reminder(cooperative_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS certificate_reminder`);
    await q.query(`DROP TABLE IF EXISTS trace_event_lot`);
    await q.query(`DROP TABLE IF EXISTS trace_event`);
    await q.query(`DROP FUNCTION IF EXISTS trace_check_link()`);
    await q.query(`DROP FUNCTION IF EXISTS trace_refuse_change()`);
    await q.query(`DROP TABLE IF EXISTS lot`);
  }
}
