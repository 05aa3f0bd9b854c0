import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../common/context';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  TRADE_STAFF = 'TRADE_STAFF',
  COOP_MANAGER = 'COOP_MANAGER',
  BUSINESS_REP = 'BUSINESS_REP',
}
registerEnumType(RoleEnum, { name: 'Role' });

export enum MembershipRole {
  OWNER = 'OWNER',
  EDITOR = 'EDITOR',
}
registerEnumType(MembershipRole, { name: 'MembershipRole' });

export enum OrganizationKind {
  COOPERATIVE = 'COOPERATIVE',
  BUSINESS = 'BUSINESS',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@ObjectType()
@Entity('app_user')
export class User {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String) @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text', name: 'password_hash', select: false }) passwordHash!: string;
  @Field(() => String) @Column({ type: 'text', name: 'display_name' }) displayName!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Field(() => [RoleEnum]) @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ type: 'text', name: 'scope_area_code', nullable: true }) scopeAreaCode!: string | null;
  @Field(() => String) @Column({ type: 'text' }) locale!: string;
  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'integer' }) version!: number;
}

@Entity('membership')
export class MembershipRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Column({ type: 'uuid', name: 'cooperative_id', nullable: true }) cooperativeId!: string | null;
  @Column({ type: 'uuid', name: 'business_id', nullable: true }) businessId!: string | null;
  @Column({ type: 'text' }) role!: MembershipRole;
}

/** A user's place in an organisation, as `me` reports it. */
@ObjectType()
export class Membership {
  @Field(() => ID) organizationId!: string;
  @Field(() => OrganizationKind) organizationKind!: OrganizationKind;
  @Field(() => String) organizationName!: string;
  @Field(() => MembershipRole) role!: MembershipRole;
}

@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Column({ type: 'text', name: 'token_hash' }) tokenHash!: string;
  /** The refresh token this one replaced, to recognise it if it comes back. */
  @Column({ type: 'text', name: 'previous_token_hash', nullable: true }) previousTokenHash!: string | null;
  @Column({ type: 'timestamptz', name: 'rotated_at', nullable: true }) rotatedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'timestamptz', name: 'last_used_at' }) lastUsedAt!: Date;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'text', name: 'user_agent', nullable: true }) userAgent!: string | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
}
