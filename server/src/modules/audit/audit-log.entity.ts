import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditLog {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) entity!: string;
  @Column({ type: 'text', name: 'entity_id' }) entityId!: string;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) at!: Date;
}
