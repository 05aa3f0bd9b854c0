import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every download of an uploaded file asks whether it is the signed agreement of a linkage
 * (those are private to the linkage's parties); this index answers that without a scan.
 */
export class AgreementDocumentIndex1764840000001 implements MigrationInterface {
  name = 'AgreementDocumentIndex1764840000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX agreement_document_upload_idx ON agreement(document_upload_id) WHERE document_upload_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX agreement_document_upload_idx`);
  }
}
