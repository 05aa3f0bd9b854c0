import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('upload')
export class Upload {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'owner_id' }) ownerId!: string;
  @Column({ type: 'text', name: 'file_name' }) fileName!: string;
  @Column({ type: 'text', name: 'mime_type' }) mimeType!: string;
  @Column({ type: 'integer', name: 'byte_size' }) byteSize!: number;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

export function uploadUrl(fileName: string): string {
  return `/uploads/${fileName}`;
}
