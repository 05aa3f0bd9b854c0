import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, areas, registry (cooperatives, businesses, ratings), catalogue
 * (categories, brands, products, certifications, images), uploads, rate limits
 * and the audit log.
 */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    // unaccent() is STABLE; the two-argument, schema-qualified form is safe to
    // declare IMMUTABLE, which lets it back generated columns and indexes.
    // đ/Đ are folded by hand because unaccent's rules leave them to the dictionary.
    await q.query(`
      CREATE OR REPLACE FUNCTION cl_fold(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
      $$ SELECT lower(translate(public.unaccent('public.unaccent'::regdictionary, t), 'đĐ', 'dd')) $$`);

    await q.query(`
      CREATE TABLE area (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('PROVINCE','CITY','DISTRICT','TOWN','WARD','COMMUNE','TOWNLET')),
        level       smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
        parent_code text REFERENCES area(code),
        valid_from  date NOT NULL DEFAULT DATE '1900-01-01',
        valid_to    date,
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX area_parent_idx ON area(parent_code)`);

    await q.query(`
      CREATE TABLE app_user (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email          text NOT NULL,
        password_hash  text NOT NULL,
        display_name   text NOT NULL,
        phone          text,
        roles          text[] NOT NULL DEFAULT '{}',
        scope_area_code text REFERENCES area(code),
        locale         text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
        disabled_at    timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        version        integer NOT NULL DEFAULT 1,
        CHECK (roles <@ ARRAY['ADMIN','TRADE_STAFF','COOP_MANAGER','BUSINESS_REP']::text[])
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email))`);

    await q.query(`
      CREATE TABLE auth_session (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        revoked_at   timestamptz,
        user_agent   text,
        ip           text
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session(user_id)`);

    await q.query(`
      CREATE TABLE rate_limit_bucket (
        key          text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        hits         integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE upload (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id    uuid NOT NULL REFERENCES app_user(id),
        file_name   text NOT NULL UNIQUE,
        mime_type   text NOT NULL CHECK (mime_type IN ('image/jpeg','image/png','image/webp')),
        byte_size   integer NOT NULL CHECK (byte_size > 0),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE cooperative (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name                text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        registration_number text NOT NULL UNIQUE,
        sector              text NOT NULL CHECK (sector IN ('AGRICULTURE','NON_AGRICULTURE')),
        subsector           text NOT NULL,
        area_code           text NOT NULL REFERENCES area(code),
        address             text NOT NULL DEFAULT '',
        latitude            double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude           double precision CHECK (longitude BETWEEN -180 AND 180),
        member_count        integer NOT NULL CHECK (member_count >= 0),
        charter_capital     bigint NOT NULL DEFAULT 0 CHECK (charter_capital >= 0),
        established_on      date NOT NULL,
        status              text NOT NULL DEFAULT 'OPERATING' CHECK (status IN ('OPERATING','SUSPENDED','DISSOLVING','DISSOLVED')),
        is_pilot            boolean NOT NULL DEFAULT false,
        is_model            boolean NOT NULL DEFAULT false,
        description         text NOT NULL DEFAULT '',
        phone               text,
        email               text,
        logo_upload_id      uuid REFERENCES upload(id),
        verified_at         timestamptz,
        verified_by         uuid REFERENCES app_user(id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX cooperative_area_idx ON cooperative(area_code)`);
    await q.query(`CREATE INDEX cooperative_unverified_idx ON cooperative(created_at) WHERE verified_at IS NULL`);
    await q.query(`CREATE INDEX cooperative_name_trgm ON cooperative USING gin (cl_fold(name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE cooperative_rating (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id  uuid NOT NULL REFERENCES cooperative(id) ON DELETE CASCADE,
        year            smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        score           numeric(5,2) CHECK (score BETWEEN 0 AND 100),
        rating_class    text NOT NULL CHECK (rating_class IN ('GOOD','FAIR','AVERAGE','WEAK','UNRATED')),
        criteria        jsonb NOT NULL DEFAULT '[]',
        notes           text NOT NULL DEFAULT '',
        evidence_upload_id uuid REFERENCES upload(id),
        recorded_by     uuid REFERENCES app_user(id),
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cooperative_id, year),
        CHECK ((rating_class = 'UNRATED') = (score IS NULL))
      )`);

    await q.query(`
      CREATE TABLE business (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name          text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        tax_code      text NOT NULL UNIQUE CHECK (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
        kinds         text[] NOT NULL CHECK (cardinality(kinds) > 0 AND kinds <@ ARRAY['PROCESSOR','EXPORTER','DISTRIBUTOR','RETAILER','INPUT_SUPPLIER','LOGISTICS']::text[]),
        area_code     text NOT NULL REFERENCES area(code),
        address       text NOT NULL DEFAULT '',
        contact_name  text NOT NULL DEFAULT '',
        phone         text,
        email         text,
        website       text,
        description   text NOT NULL DEFAULT '',
        verified_at   timestamptz,
        verified_by   uuid REFERENCES app_user(id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        version       integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX business_area_idx ON business(area_code)`);
    await q.query(`CREATE INDEX business_unverified_idx ON business(created_at) WHERE verified_at IS NULL`);

    await q.query(`
      CREATE TABLE membership (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        cooperative_id  uuid REFERENCES cooperative(id) ON DELETE CASCADE,
        business_id     uuid REFERENCES business(id) ON DELETE CASCADE,
        role            text NOT NULL CHECK (role IN ('OWNER','EDITOR')),
        created_at      timestamptz NOT NULL DEFAULT now(),
        CHECK ((cooperative_id IS NULL) <> (business_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX membership_coop_uq ON membership(user_id, cooperative_id) WHERE cooperative_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX membership_business_uq ON membership(user_id, business_id) WHERE business_id IS NOT NULL`);
    await q.query(`CREATE INDEX membership_coop_idx ON membership(cooperative_id)`);
    await q.query(`CREATE INDEX membership_business_idx ON membership(business_id)`);

    await q.query(`
      CREATE TABLE category (
        code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]+(\\.[a-z0-9_]+)*$'),
        parent_code text REFERENCES category(code),
        depth       smallint NOT NULL CHECK (depth >= 0),
        name_vi     text NOT NULL,
        name_en     text NOT NULL,
        position    smallint NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX category_parent_idx ON category(parent_code)`);

    await q.query(`
      CREATE TABLE brand (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id       uuid NOT NULL REFERENCES cooperative(id) ON DELETE CASCADE,
        name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind                 text NOT NULL CHECK (kind IN ('OWN_BRAND','COLLECTIVE_TRADEMARK','CERTIFICATION_MARK','GEOGRAPHICAL_INDICATION')),
        registration_number  text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cooperative_id, name)
      )`);

    await q.query(`
      CREATE TABLE product (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id     uuid NOT NULL REFERENCES cooperative(id) ON DELETE CASCADE,
        category_code      text NOT NULL REFERENCES category(code),
        brand_id           uuid REFERENCES brand(id) ON DELETE SET NULL,
        name_vi            text NOT NULL CHECK (length(name_vi) BETWEEN 2 AND 200),
        name_en            text CHECK (name_en IS NULL OR length(name_en) <= 200),
        description_vi     text NOT NULL DEFAULT '' CHECK (length(description_vi) <= 5000),
        description_en     text CHECK (description_en IS NULL OR length(description_en) <= 5000),
        unit               text NOT NULL,
        price_min          bigint CHECK (price_min >= 0),
        price_max          bigint CHECK (price_max >= 0),
        min_order          numeric(14,3) CHECK (min_order >= 0),
        capacity_per_month numeric(14,3) CHECK (capacity_per_month >= 0),
        available_months   smallint[] NOT NULL DEFAULT '{}' CHECK (available_months <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]::smallint[]),
        packaging          text NOT NULL DEFAULT '',
        ocop_stars         smallint CHECK (ocop_stars BETWEEN 3 AND 5),
        ocop_year          smallint CHECK (ocop_year BETWEEN 2018 AND 2100),
        status             text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','ARCHIVED')),
        search_doc         text NOT NULL DEFAULT '',
        published_at       timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        version            integer NOT NULL DEFAULT 1,
        CHECK (price_min IS NULL OR price_max IS NULL OR price_min <= price_max),
        CHECK ((ocop_stars IS NULL) = (ocop_year IS NULL))
      )`);
    await q.query(`CREATE INDEX product_coop_idx ON product(cooperative_id)`);
    await q.query(`CREATE INDEX product_category_idx ON product(category_code) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX product_published_idx ON product(published_at DESC, id DESC) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX product_price_idx ON product(price_min, id) WHERE status = 'PUBLISHED'`);
    // The search document folds the product's names, its category and brand, so
    // that "dua sap" finds "Dừa sáp" through one trigram index.
    await q.query(`
      CREATE FUNCTION product_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_doc := cl_fold(concat_ws(' ',
          NEW.name_vi, NEW.name_en,
          (SELECT concat_ws(' ', c.name_vi, c.name_en) FROM category c WHERE c.code = NEW.category_code),
          (SELECT b.name FROM brand b WHERE b.id = NEW.brand_id)));
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER product_search_doc_trg BEFORE INSERT OR UPDATE OF name_vi, name_en, category_code, brand_id
      ON product FOR EACH ROW EXECUTE FUNCTION product_search_doc()`);
    // Without a pending list, new products are searchable through the index at
    // once and the planner's cost estimate stays honest; catalogue writes are rare.
    await q.query(
      `CREATE INDEX product_search_trgm ON product USING gin (search_doc gin_trgm_ops) WITH (fastupdate = off) WHERE status = 'PUBLISHED'`,
    );

    await q.query(`
      CREATE TABLE certification (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id  uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        scheme      text NOT NULL CHECK (scheme IN ('VIETGAP','GLOBALGAP','ORGANIC','HACCP','ISO22000','OCOP','OTHER')),
        number      text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
        issuer      text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 200),
        issued_on   date NOT NULL,
        expires_on  date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_on IS NULL OR expires_on > issued_on),
        UNIQUE (product_id, scheme, number)
      )`);
    await q.query(`CREATE INDEX certification_product_idx ON certification(product_id)`);
    await q.query(`CREATE INDEX certification_scheme_idx ON certification(scheme, expires_on)`);

    await q.query(`
      CREATE TABLE product_image (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id  uuid NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        upload_id   uuid NOT NULL REFERENCES upload(id),
        position    smallint NOT NULL DEFAULT 0,
        UNIQUE (product_id, upload_id)
      )`);
    await q.query(`CREATE INDEX product_image_product_idx ON product_image(product_id, position)`);

    await q.query(`
      CREATE TABLE audit_log (
        id          bigserial PRIMARY KEY,
        actor_id    uuid REFERENCES app_user(id),
        action      text NOT NULL,
        entity      text NOT NULL,
        entity_id   text NOT NULL,
        data        jsonb NOT NULL DEFAULT '{}',
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log(entity, entity_id)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log(at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_log',
      'product_image',
      'certification',
      'product',
      'brand',
      'category',
      'membership',
      'business',
      'cooperative_rating',
      'cooperative',
      'upload',
      'rate_limit_bucket',
      'auth_session',
      'app_user',
      'area',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS product_search_doc()`);
    await q.query(`DROP FUNCTION IF EXISTS cl_fold(text)`);
  }
}
