import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs (offtake, input supply, cooperatives' input demand), linkages from
 * proposal to delivered agreement with their thread and step history, joint
 * offers' shares, notifications, and the job-run log.
 */
export class NeedsLinkage1764700000000 implements MigrationInterface {
  name = 'NeedsLinkage1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE need (
        id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind                    text NOT NULL CHECK (kind IN ('OFFTAKE','INPUT_SUPPLY','INPUT_DEMAND')),
        business_id             uuid REFERENCES business(id) ON DELETE CASCADE,
        cooperative_id          uuid REFERENCES cooperative(id) ON DELETE CASCADE,
        title                   text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        category_code           text NOT NULL REFERENCES category(code),
        quantity                numeric(14,3) NOT NULL CHECK (quantity > 0),
        unit                    text NOT NULL,
        frequency               text NOT NULL CHECK (frequency IN ('ONE_OFF','MONTHLY','SEASONAL')),
        delivery_from           date NOT NULL,
        delivery_to             date NOT NULL,
        delivery_area_code      text REFERENCES area(code),
        price_min               bigint CHECK (price_min >= 0),
        price_max               bigint CHECK (price_max >= 0),
        negotiable              boolean NOT NULL DEFAULT false,
        required_certifications text[] NOT NULL DEFAULT '{}',
        min_ocop_stars          smallint CHECK (min_ocop_stars BETWEEN 3 AND 5),
        quality_notes           text NOT NULL DEFAULT '' CHECK (length(quality_notes) <= 2000),
        expires_at              timestamptz NOT NULL,
        status                  text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','PAUSED','FULFILLED','CLOSED','EXPIRED')),
        created_by              uuid REFERENCES app_user(id),
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        version                 integer NOT NULL DEFAULT 1,
        CHECK ((business_id IS NULL) <> (cooperative_id IS NULL)),
        -- Businesses buy or offer inputs; cooperatives declare what inputs they need.
        CHECK ((kind = 'INPUT_DEMAND') = (cooperative_id IS NOT NULL)),
        CHECK (delivery_from <= delivery_to),
        CHECK (price_min IS NULL OR price_max IS NULL OR price_min <= price_max),
        CHECK (required_certifications <@ ARRAY['VIETGAP','GLOBALGAP','ORGANIC','HACCP','ISO22000','OCOP','OTHER']::text[])
      )`);
    await q.query(`CREATE INDEX need_open_idx ON need(kind, created_at DESC, id DESC) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX need_category_idx ON need(category_code) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX need_expiry_idx ON need(expires_at) WHERE status IN ('OPEN','PAUSED')`);
    await q.query(`CREATE INDEX need_business_idx ON need(business_id)`);
    await q.query(`CREATE INDEX need_cooperative_idx ON need(cooperative_id)`);
    // The matching pre-filter looks products up by the root of their category.
    await q.query(
      `CREATE INDEX product_category_root_idx ON product ((split_part(category_code, '.', 1)), cooperative_id) WHERE status = 'PUBLISHED'`,
    );

    await q.query(`
      CREATE TABLE linkage (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id         uuid NOT NULL REFERENCES need(id) ON DELETE CASCADE,
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        product_id      uuid REFERENCES product(id) ON DELETE SET NULL,
        proposed_by     text NOT NULL CHECK (proposed_by IN ('NEED_OWNER','RESPONDER')),
        status          text NOT NULL DEFAULT 'PROPOSED'
                        CHECK (status IN ('PROPOSED','ACCEPTED','DECLINED','NEGOTIATING','AGREED','DELIVERING','COMPLETED','CANCELLED')),
        created_by      uuid REFERENCES app_user(id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        version         integer NOT NULL DEFAULT 1
      )`);
    // One live linkage per need and lead cooperative; a declined or cancelled one may be proposed again.
    await q.query(`CREATE UNIQUE INDEX linkage_live_uq ON linkage(need_id, cooperative_id) WHERE status NOT IN ('DECLINED','CANCELLED')`);
    await q.query(`CREATE INDEX linkage_cooperative_idx ON linkage(cooperative_id, updated_at DESC)`);

    await q.query(`
      CREATE TABLE linkage_share (
        linkage_id      uuid NOT NULL REFERENCES linkage(id) ON DELETE CASCADE,
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id),
        quantity        numeric(14,3) NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (linkage_id, cooperative_id)
      )`);
    // Shares of every live linkage on a need never exceed its quantity. The
    // need row is locked first, so concurrent offers on one need queue up
    // here and each sees the others' committed shares.
    await q.query(`
      CREATE FUNCTION linkage_share_within_need() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_need uuid;
        v_quantity numeric;
        v_total numeric;
      BEGIN
        SELECT l.need_id INTO v_need FROM linkage l WHERE l.id = NEW.linkage_id;
        SELECT n.quantity INTO v_quantity FROM need n WHERE n.id = v_need FOR UPDATE;
        SELECT coalesce(sum(s.quantity), 0) INTO v_total
          FROM linkage_share s JOIN linkage l ON l.id = s.linkage_id
         WHERE l.need_id = v_need AND l.status NOT IN ('DECLINED','CANCELLED');
        IF v_total > v_quantity THEN
          RAISE EXCEPTION 'shares % exceed the need quantity %', v_total, v_quantity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'linkage_share_within_need';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER linkage_share_within_need_trg AFTER INSERT OR UPDATE ON linkage_share
      FOR EACH ROW EXECUTE FUNCTION linkage_share_within_need()`);

    await q.query(`
      CREATE TABLE linkage_event (
        id          bigserial PRIMARY KEY,
        linkage_id  uuid NOT NULL REFERENCES linkage(id) ON DELETE CASCADE,
        from_status text,
        to_status   text NOT NULL,
        actor_id    uuid REFERENCES app_user(id),
        at          timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX linkage_event_linkage_idx ON linkage_event(linkage_id, id)`);
    // The step history is evidence for the province's counts: append-only.
    await q.query(`
      CREATE FUNCTION linkage_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM linkage WHERE id = OLD.linkage_id) THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'linkage history is append-only' USING ERRCODE = 'raise_exception';
      END $$`);
    await q.query(`
      CREATE TRIGGER linkage_event_append_only_trg BEFORE UPDATE OR DELETE ON linkage_event
      FOR EACH ROW EXECUTE FUNCTION linkage_event_append_only()`);

    await q.query(`
      CREATE TABLE linkage_message (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        linkage_id  uuid NOT NULL REFERENCES linkage(id) ON DELETE CASCADE,
        author_id   uuid NOT NULL REFERENCES app_user(id),
        body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX linkage_message_linkage_idx ON linkage_message(linkage_id, created_at)`);

    await q.query(`
      CREATE TABLE agreement (
        linkage_id          uuid PRIMARY KEY REFERENCES linkage(id) ON DELETE CASCADE,
        quantity            numeric(14,3) NOT NULL CHECK (quantity > 0),
        unit_price          bigint NOT NULL CHECK (unit_price >= 0),
        starts_on           date NOT NULL,
        ends_on             date NOT NULL,
        total_value         bigint NOT NULL CHECK (total_value >= 0),
        document_upload_id  uuid REFERENCES upload(id),
        signed_by           uuid REFERENCES app_user(id),
        signed_at           timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_on <= ends_on)
      )`);

    await q.query(`
      CREATE TABLE delivery (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        linkage_id    uuid NOT NULL REFERENCES agreement(linkage_id) ON DELETE CASCADE,
        delivered_on  date NOT NULL,
        quantity      numeric(14,3) NOT NULL CHECK (quantity > 0),
        note          text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
        recorded_by   uuid REFERENCES app_user(id),
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX delivery_linkage_idx ON delivery(linkage_id, delivered_on)`);

    await q.query(`
      CREATE TABLE notification (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind        text NOT NULL CHECK (kind IN ('NEED_MATCH','LINKAGE_PROPOSED','LINKAGE_STEP','LINKAGE_MESSAGE')),
        need_id     uuid REFERENCES need(id) ON DELETE CASCADE,
        linkage_id  uuid REFERENCES linkage(id) ON DELETE CASCADE,
        score       numeric(6,2),
        created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at     timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification(user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification(user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notification', 'delivery', 'agreement', 'linkage_message', 'linkage_event', 'linkage_share', 'linkage', 'need'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP INDEX IF EXISTS product_category_root_idx`);
    await q.query(`DROP FUNCTION IF EXISTS linkage_share_within_need()`);
    await q.query(`DROP FUNCTION IF EXISTS linkage_event_append_only()`);
  }
}
