/**
 * How the directive-era 180 cooperatives sit over Trà Vinh's nine district-level
 * units, by line of work. The counts follow where FACTS.md puts each crop
 * (wax coconut and king orange in Cầu Kè, dragon fruit in Càng Long and Châu
 * Thành, peanuts in Cầu Ngang, shrimp, crab and salt on the Duyên Hải coast,
 * rice everywhere); they must add up to 123 agricultural and 57 others.
 */
export const AGRICULTURE_SUBSECTORS = ['RICE', 'COCONUT', 'FRUIT', 'CROPS', 'LIVESTOCK', 'AQUACULTURE', 'SALT', 'AGRI_SERVICES'] as const;
export const NON_AGRICULTURE_SUBSECTORS = [
  'FOOD_PROCESSING',
  'HANDICRAFT',
  'TRADE_SERVICES',
  'TRANSPORT',
  'ENVIRONMENT',
  'CONSTRUCTION',
] as const;

export type AgricultureSubsector = (typeof AGRICULTURE_SUBSECTORS)[number];
export type NonAgricultureSubsector = (typeof NON_AGRICULTURE_SUBSECTORS)[number];
export type Subsector = AgricultureSubsector | NonAgricultureSubsector;
export type Sector = 'AGRICULTURE' | 'NON_AGRICULTURE';

export function sectorOf(subsector: Subsector): Sector {
  return (AGRICULTURE_SUBSECTORS as readonly string[]).includes(subsector) ? 'AGRICULTURE' : 'NON_AGRICULTURE';
}

export interface DistrictProfile {
  code: string;
  /** The name people use in conversation, without "Huyện"/"Thị xã". */
  shortName: string;
  /** Rough centre; cooperatives are scattered around it by commune. */
  centre: readonly [lat: number, lng: number];
  agriculture: Partial<Record<AgricultureSubsector, number>>;
  nonAgriculture: Partial<Record<NonAgricultureSubsector, number>>;
}

export const DISTRICTS: readonly DistrictProfile[] = [
  {
    code: '842',
    shortName: 'TP. Trà Vinh',
    centre: [9.935, 106.342],
    agriculture: { CROPS: 2, LIVESTOCK: 1, AGRI_SERVICES: 1, RICE: 1, AQUACULTURE: 1 },
    nonAgriculture: { FOOD_PROCESSING: 3, HANDICRAFT: 2, TRADE_SERVICES: 3, TRANSPORT: 3, ENVIRONMENT: 2, CONSTRUCTION: 1 },
  },
  {
    code: '844',
    shortName: 'Càng Long',
    centre: [9.99, 106.2],
    agriculture: { RICE: 5, COCONUT: 4, FRUIT: 5, LIVESTOCK: 1, AQUACULTURE: 1, AGRI_SERVICES: 2 },
    nonAgriculture: { HANDICRAFT: 3, FOOD_PROCESSING: 1, TRANSPORT: 1, ENVIRONMENT: 1 },
  },
  {
    code: '845',
    shortName: 'Cầu Kè',
    centre: [9.87, 106.07],
    agriculture: { COCONUT: 6, FRUIT: 5, RICE: 2, LIVESTOCK: 1, AGRI_SERVICES: 1 },
    nonAgriculture: { HANDICRAFT: 2, FOOD_PROCESSING: 2, TRANSPORT: 1 },
  },
  {
    code: '846',
    shortName: 'Tiểu Cần',
    centre: [9.81, 106.19],
    agriculture: { RICE: 5, COCONUT: 4, FRUIT: 1, CROPS: 2, LIVESTOCK: 1, AGRI_SERVICES: 1 },
    nonAgriculture: { FOOD_PROCESSING: 2, HANDICRAFT: 2, TRADE_SERVICES: 1, ENVIRONMENT: 1 },
  },
  {
    code: '847',
    shortName: 'Châu Thành',
    centre: [9.87, 106.39],
    agriculture: { RICE: 4, FRUIT: 4, COCONUT: 2, CROPS: 2, AQUACULTURE: 2, LIVESTOCK: 2 },
    nonAgriculture: { HANDICRAFT: 2, FOOD_PROCESSING: 1, TRADE_SERVICES: 1, TRANSPORT: 1, CONSTRUCTION: 1 },
  },
  {
    code: '848',
    shortName: 'Cầu Ngang',
    centre: [9.8, 106.45],
    agriculture: { RICE: 4, CROPS: 5, AQUACULTURE: 4, LIVESTOCK: 1, SALT: 1, AGRI_SERVICES: 1 },
    nonAgriculture: { FOOD_PROCESSING: 2, HANDICRAFT: 1, TRADE_SERVICES: 1, TRANSPORT: 1, ENVIRONMENT: 1 },
  },
  {
    code: '849',
    shortName: 'Trà Cú',
    centre: [9.69, 106.27],
    agriculture: { RICE: 7, CROPS: 3, AQUACULTURE: 2, LIVESTOCK: 2, AGRI_SERVICES: 2 },
    nonAgriculture: { FOOD_PROCESSING: 3, HANDICRAFT: 2, TRANSPORT: 1 },
  },
  {
    code: '850',
    shortName: 'Duyên Hải',
    centre: [9.65, 106.43],
    agriculture: { AQUACULTURE: 7, SALT: 2, RICE: 1, CROPS: 1, AGRI_SERVICES: 1 },
    nonAgriculture: { FOOD_PROCESSING: 2, TRANSPORT: 1, TRADE_SERVICES: 1 },
  },
  {
    code: '851',
    shortName: 'TX. Duyên Hải',
    centre: [9.63, 106.51],
    agriculture: { AQUACULTURE: 6, SALT: 2, CROPS: 1, LIVESTOCK: 1 },
    nonAgriculture: { FOOD_PROCESSING: 1, TRADE_SERVICES: 1, ENVIRONMENT: 1, TRANSPORT: 1 },
  },
];

/** The brief's box around the province, so jitter never lands a cooperative in the sea. */
export const LAT_RANGE = [9.6, 10.1] as const;
export const LNG_RANGE = [106.0, 106.6] as const;
