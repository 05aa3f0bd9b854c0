import { IsEmail, IsIn, IsOptional, Length, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType, ObjectType, createUnionType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { DuplicateError, ErrorResult, RateLimitedError } from '../../common/errors';
import { CreateBusinessInput } from '../business/business.inputs';
import { CreateCooperativeInput } from '../cooperative/cooperative.inputs';
import { User } from './user.entity';

@InputType()
export class LoginInput {
  @Field(() => String) @IsEmail() @MaxLength(200) email!: string;
  @Field(() => String) @Length(1, 200) password!: string;
}

@InputType()
export class RefreshInput {
  @Field(() => String, { nullable: true, description: 'API clients pass the refresh token; browsers send the cookie instead.' })
  @IsOptional()
  @MaxLength(200)
  refreshToken?: string | null;
}

@InputType()
export class RegisterInput {
  @Field(() => String) @IsEmail() @MaxLength(200) email!: string;
  @Field(() => String, { description: 'At least 10 characters.' }) @MinLength(10) @MaxLength(200) password!: string;
  @Field(() => String) @Length(2, 100) displayName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9+ ().-]{6,20}$/) phone?: string | null;
  @Field(() => String, { nullable: true, defaultValue: 'vi' }) @IsOptional() @IsIn(['vi', 'en']) locale?: string | null;
  @Field(() => CreateCooperativeInput, { nullable: true, description: 'Register a cooperative and manage it.' })
  @IsOptional()
  @ValidateNested()
  cooperative?: CreateCooperativeInput | null;
  @Field(() => CreateBusinessInput, { nullable: true, description: 'Register a company and represent it.' })
  @IsOptional()
  @ValidateNested()
  business?: CreateBusinessInput | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'A short-lived bearer token for API clients.' }) accessToken!: string;
  @Field(() => String, {
    description:
      'Exchange it with refreshSession for a new access token. Empty for browsers, which keep it in an HttpOnly cookie no script can read.',
  })
  refreshToken!: string;
  @Field(() => DateTimeISO) expiresAt!: Date;
  @Field(() => User) user!: User;
}

@ObjectType({ implements: ErrorResult })
export class InvalidCredentialsError extends ErrorResult {
  static of(): InvalidCredentialsError {
    return Object.assign(new InvalidCredentialsError(), { code: 'INVALID_CREDENTIALS', message: 'The e-mail or password is wrong.' });
  }
}

@ObjectType({ implements: ErrorResult })
export class EmailTakenError extends ErrorResult {
  static of(): EmailTakenError {
    return Object.assign(new EmailTakenError(), { code: 'EMAIL_TAKEN', message: 'An account with this e-mail already exists.' });
  }
}

export const LoginResult = createUnionType({
  name: 'LoginResult',
  types: () => [AuthPayload, InvalidCredentialsError, RateLimitedError] as const,
});

export const RegisterResult = createUnionType({
  name: 'RegisterResult',
  types: () => [AuthPayload, EmailTakenError, DuplicateError, RateLimitedError] as const,
});

export const RefreshResult = createUnionType({
  name: 'RefreshResult',
  types: () => [AuthPayload, InvalidCredentialsError, RateLimitedError] as const,
});
