import { Foundation1764300000000 } from './1764300000000-Foundation';
import { NeedsLinkage1764700000000 } from './1764700000000-NeedsLinkage';

/** Every migration, in order. A new one is added here as well as in its file. */
export const MIGRATIONS = [Foundation1764300000000, NeedsLinkage1764700000000];
