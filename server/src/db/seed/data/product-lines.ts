import type { Subsector } from './districts';
import { COCONUT_AND_FRUIT_LINES } from './lines/coconut-fruit';
import { CRAFT_AND_SERVICE_LINES } from './lines/crafts';
import { FIELD_LINES } from './lines/field';
import type { ProductLine } from './lines/types';
import { WATER_LINES } from './lines/water';

export type { BrandKind, ProductLine, Scheme, Unit } from './lines/types';

/** Everything Trà Vinh's cooperatives offer in the demo, by group. */
export const PRODUCT_LINES: readonly ProductLine[] = [
  ...COCONUT_AND_FRUIT_LINES,
  ...FIELD_LINES,
  ...WATER_LINES,
  ...CRAFT_AND_SERVICE_LINES,
];

export const LINES_BY_KEY: ReadonlyMap<string, ProductLine> = new Map(PRODUCT_LINES.map((l) => [l.key, l]));

/** How many products a cooperative in each line of work lists; picked uniformly. */
export const PRODUCTS_PER_COOPERATIVE: Record<Subsector, readonly number[]> = {
  RICE: [1, 1, 2],
  COCONUT: [1, 2, 2, 3],
  FRUIT: [1, 1, 2],
  CROPS: [1, 1, 2],
  LIVESTOCK: [0, 1, 1],
  AQUACULTURE: [1, 1, 2],
  SALT: [1, 2],
  AGRI_SERVICES: [0, 1],
  FOOD_PROCESSING: [1, 2],
  HANDICRAFT: [1, 2],
  TRADE_SERVICES: [0],
  TRANSPORT: [0],
  ENVIRONMENT: [0],
  CONSTRUCTION: [0],
};
