import { Length, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, createUnionType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { RateLimitedError } from '../../common/errors';
import { InvalidCredentialsError } from './auth.types';

/** One signed-in browser or app of the caller's account. */
@ObjectType()
export class DeviceSession {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeISO) signedInAt!: Date;
  @Field(() => DateTimeISO, { description: 'When the device last renewed its access, within the access-token lifetime.' })
  lastActiveAt!: Date;
  @Field(() => DateTimeISO) expiresAt!: Date;
  @Field(() => String, { nullable: true, description: 'The browser as it named itself when signing in.' }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => Boolean, { description: 'This is the session making the request.' }) current!: boolean;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) @Length(1, 200) currentPassword!: string;
  @Field(() => String, { description: 'At least 10 characters.' }) @MinLength(10) @MaxLength(200) newPassword!: string;
}

@ObjectType()
export class PasswordChanged {
  @Field(() => Int, { description: 'Other devices that were signed out by the change.' }) signedOutSessions!: number;
}

export const ChangePasswordResult = createUnionType({
  name: 'ChangePasswordResult',
  types: () => [PasswordChanged, InvalidCredentialsError, RateLimitedError] as const,
});

@InputType()
export class RevokeSessionInput {
  @Field(() => ID) @MaxLength(64) id!: string;
}
