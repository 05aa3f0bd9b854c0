import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signed contract often runs to several pages, scanned as one PDF: uploads
 * take PDF besides photos. Where a photo is needed (product and trace photos)
 * the services still ask for an image.
 */
export class DocumentUploads1764875000000 implements MigrationInterface {
  name = 'DocumentUploads1764875000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE upload DROP CONSTRAINT upload_mime_type_check`);
    await q.query(
      `ALTER TABLE upload ADD CONSTRAINT upload_mime_type_check CHECK (mime_type IN ('image/jpeg','image/png','image/webp','application/pdf'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM upload WHERE mime_type = 'application/pdf'`);
    await q.query(`ALTER TABLE upload DROP CONSTRAINT upload_mime_type_check`);
    await q.query(`ALTER TABLE upload ADD CONSTRAINT upload_mime_type_check CHECK (mime_type IN ('image/jpeg','image/png','image/webp'))`);
  }
}
