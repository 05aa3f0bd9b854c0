import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fairs and linkage conferences. The rules that must survive concurrent requests live here:
 * booth capacity is a counter on the fair row with a CHECK (an acceptance increments it under
 * the row lock, so the 11th acceptance of a 10-booth fair fails whatever the timing), booth
 * numbers are unique per fair, a pair meets at most once, and a seat table with a unique
 * (fair, slot, participant) key, kept by a trigger, stops anyone sitting at two tables at once.
 */
export class Fairs1764600000000 implements MigrationInterface {
  name = 'Fairs1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fair (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind                   text NOT NULL CHECK (kind IN ('TRADE_FAIR','EXHIBITION','LINKAGE_CONFERENCE','ONLINE_FAIR')),
        name                   text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
        description            text NOT NULL DEFAULT '',
        venue                  text NOT NULL DEFAULT '',
        area_code              text REFERENCES area(code),
        outside_province       boolean NOT NULL DEFAULT false,
        starts_on              date NOT NULL,
        ends_on                date NOT NULL,
        registration_opens_at  timestamptz NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        booth_capacity         integer NOT NULL CHECK (booth_capacity BETWEEN 0 AND 5000),
        booths_taken           integer NOT NULL DEFAULT 0,
        sessions               jsonb NOT NULL DEFAULT '[]',
        slot_minutes           smallint NOT NULL CHECK (slot_minutes BETWEEN 10 AND 120),
        table_count            smallint NOT NULL CHECK (table_count BETWEEN 0 AND 500),
        meeting_cap            smallint NOT NULL CHECK (meeting_cap BETWEEN 1 AND 64),
        request_expiry_hours   integer NOT NULL CHECK (request_expiry_hours BETWEEN 1 AND 720),
        status                 text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','OPEN','CLOSED','COMPLETED')),
        schedule_seed          integer NOT NULL DEFAULT 753,
        last_schedule          jsonb,
        created_by             uuid REFERENCES app_user(id),
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        version                integer NOT NULL DEFAULT 1,
        CHECK (ends_on >= starts_on),
        CHECK (registration_closes_at > registration_opens_at),
        CONSTRAINT fair_booths_within_capacity CHECK (booths_taken BETWEEN 0 AND booth_capacity)
      )`);
    await q.query(`CREATE INDEX fair_public_idx ON fair(starts_on DESC) WHERE status <> 'DRAFT'`);

    await q.query(`
      CREATE TABLE fair_registration (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id          uuid NOT NULL REFERENCES fair(id) ON DELETE CASCADE,
        cooperative_id   uuid REFERENCES cooperative(id) ON DELETE CASCADE,
        business_id      uuid REFERENCES business(id) ON DELETE CASCADE,
        organization_id  uuid GENERATED ALWAYS AS (coalesce(cooperative_id, business_id)) STORED,
        status           text NOT NULL DEFAULT 'APPLIED' CHECK (status IN ('APPLIED','ACCEPTED','WAITLISTED','REJECTED','CANCELLED')),
        needs_booth      boolean NOT NULL,
        booth_number     integer CHECK (booth_number > 0),
        product_ids      uuid[] NOT NULL DEFAULT '{}',
        note             text NOT NULL DEFAULT '',
        unavailable_slots smallint[] NOT NULL DEFAULT '{}',
        checked_in_at    timestamptz,
        waitlisted_at    timestamptz,
        reviewed_by      uuid REFERENCES app_user(id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        version          integer NOT NULL DEFAULT 1,
        CHECK ((cooperative_id IS NULL) <> (business_id IS NULL)),
        CHECK (booth_number IS NULL OR status = 'ACCEPTED')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX fair_registration_org_uq ON fair_registration(fair_id, organization_id) WHERE status NOT IN ('CANCELLED','REJECTED')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX fair_registration_booth_uq ON fair_registration(fair_id, booth_number) WHERE booth_number IS NOT NULL`,
    );
    await q.query(`CREATE INDEX fair_registration_org_idx ON fair_registration(organization_id)`);

    await q.query(`
      CREATE TABLE meeting_request (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id           uuid NOT NULL REFERENCES fair(id) ON DELETE CASCADE,
        from_registration uuid NOT NULL REFERENCES fair_registration(id) ON DELETE CASCADE,
        to_registration   uuid NOT NULL REFERENCES fair_registration(id) ON DELETE CASCADE,
        preference        text NOT NULL CHECK (preference IN ('MUST_MEET','MEET','NO_THANKS')),
        reason            text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
        status            text NOT NULL CHECK (status IN ('PENDING','ACCEPTED','DECLINED','EXPIRED','CANCELLED','STANDING')),
        expires_at        timestamptz,
        created_by        uuid REFERENCES app_user(id),
        booked_by_staff   boolean NOT NULL DEFAULT false,
        responded_at      timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (from_registration <> to_registration),
        CHECK ((preference = 'NO_THANKS') = (status = 'STANDING'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX meeting_request_pair_uq ON meeting_request(fair_id, from_registration, to_registration)
         WHERE status IN ('PENDING','ACCEPTED','STANDING')`,
    );
    await q.query(`CREATE INDEX meeting_request_to_idx ON meeting_request(to_registration)`);
    await q.query(`CREATE INDEX meeting_request_pending_idx ON meeting_request(expires_at) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE fair_meeting (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id         uuid NOT NULL REFERENCES fair(id) ON DELETE CASCADE,
        registration_a  uuid NOT NULL REFERENCES fair_registration(id) ON DELETE CASCADE,
        registration_b  uuid NOT NULL REFERENCES fair_registration(id) ON DELETE CASCADE,
        slot            smallint NOT NULL CHECK (slot >= 0),
        table_no        smallint NOT NULL CHECK (table_no >= 1),
        value           double precision NOT NULL DEFAULT 0,
        request_ids     uuid[] NOT NULL DEFAULT '{}',
        locked          boolean NOT NULL DEFAULT false,
        status          text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED','HELD','NO_SHOW')),
        a_attended      boolean,
        b_attended      boolean,
        outcome_level   smallint CHECK (outcome_level BETWEEN 1 AND 5),
        outcome_note    text NOT NULL DEFAULT '',
        agreement_value bigint CHECK (agreement_value >= 0),
        outcome_by      uuid REFERENCES app_user(id),
        outcome_at      timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (registration_a < registration_b),
        CHECK (agreement_value IS NULL OR outcome_level = 5),
        CONSTRAINT fair_meeting_pair_once UNIQUE (fair_id, registration_a, registration_b),
        CONSTRAINT fair_meeting_table_once UNIQUE (fair_id, slot, table_no)
      )`);
    await q.query(`
      CREATE TABLE fair_meeting_seat (
        meeting_id      uuid NOT NULL REFERENCES fair_meeting(id) ON DELETE CASCADE,
        fair_id         uuid NOT NULL,
        slot            smallint NOT NULL,
        registration_id uuid NOT NULL,
        PRIMARY KEY (meeting_id, registration_id),
        CONSTRAINT fair_meeting_participant_once UNIQUE (fair_id, slot, registration_id)
      )`);
    // The seats follow the meeting in the same statement, so a clash fails the statement that caused it.
    await q.query(`
      CREATE FUNCTION fair_meeting_seats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM fair_meeting_seat WHERE meeting_id = NEW.id;
        INSERT INTO fair_meeting_seat (meeting_id, fair_id, slot, registration_id)
          VALUES (NEW.id, NEW.fair_id, NEW.slot, NEW.registration_a), (NEW.id, NEW.fair_id, NEW.slot, NEW.registration_b);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER fair_meeting_seats_trg AFTER INSERT OR UPDATE OF slot, registration_a, registration_b ON fair_meeting
        FOR EACH ROW EXECUTE FUNCTION fair_meeting_seats()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_meeting_seat`);
    await q.query(`DROP TABLE fair_meeting`);
    await q.query(`DROP FUNCTION fair_meeting_seats()`);
    await q.query(`DROP TABLE meeting_request`);
    await q.query(`DROP TABLE fair_registration`);
    await q.query(`DROP TABLE fair`);
  }
}
