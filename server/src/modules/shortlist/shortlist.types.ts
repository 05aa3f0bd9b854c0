import { createUnionType } from 'type-graphql';
import { NeedNotOpenError } from '../linkage/linkage.types';
import { ShortlistEntry } from './shortlist.entity';

export const ShortlistMatchResult = createUnionType({
  name: 'ShortlistMatchResult',
  types: () => [ShortlistEntry, NeedNotOpenError] as const,
});
