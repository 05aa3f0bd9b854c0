import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class ShortlistMatchInput {
  @Field(() => ID) @IsUUID() needId!: string;
  @Field(() => ID) @IsUUID() cooperativeId!: string;
  @Field(() => ID, { nullable: true, description: 'The matched product, when the match is one.' })
  @IsOptional()
  @IsUUID()
  productId?: string | null;
}

@InputType()
export class RemoveShortlistEntryInput {
  @Field(() => ID) @IsUUID() id!: string;
}
