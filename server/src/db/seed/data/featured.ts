import type { Subsector } from './districts';
import type { BrandKind, Scheme } from './product-lines';

/**
 * Cooperatives and products named in FACTS.md, placed where the facts put them.
 * They appear once, in the first copy of the province; larger scales add
 * generated cooperatives around them.
 */
export interface FeaturedProduct {
  line: string;
  vi: string;
  en: string;
  ocop?: { stars: 3 | 4 | 5; year: number };
  brand?: { name: string; kind: BrandKind };
  certs?: readonly Scheme[];
}

export interface FeaturedCooperative {
  key: string;
  name: string;
  district: string;
  commune: string;
  subsector: Subsector;
  pilot: boolean;
  model: boolean;
  /** Member of the Trà Vinh rice cooperative union. */
  riceUnion?: boolean;
  members?: number;
  charterCapital?: number;
  establishedYear?: number;
  products: readonly FeaturedProduct[];
}

export const FEATURED_COOPERATIVES: readonly FeaturedCooperative[] = [
  {
    key: 'long_hiep',
    name: 'HTX NN Long Hiệp',
    district: '849',
    commune: '29506',
    subsector: 'RICE',
    pilot: true,
    model: true,
    riceUnion: true,
    members: 72,
    charterCapital: 2_800_000_000,
    establishedYear: 2016,
    products: [
      {
        line: 'organic_rice',
        vi: 'Gạo Hạt Ngọc Rồng',
        en: 'Hat Ngoc Rong organic rice',
        ocop: { stars: 4, year: 2022 },
        brand: { name: 'Hạt Ngọc Rồng', kind: 'OWN_BRAND' },
        certs: ['ORGANIC'],
      },
      { line: 'paddy', vi: 'Lúa hữu cơ tươi', en: 'Organic fresh paddy', certs: ['ORGANIC'] },
    ],
  },
  {
    key: 'huyen_hoi',
    name: 'HTX DV NN Huyền Hội',
    district: '844',
    commune: '29278',
    subsector: 'RICE',
    pilot: false,
    model: false,
    products: [
      {
        line: 'fragrant_rice',
        vi: 'Gạo thơm cao cấp Huyền Hội',
        en: 'Huyen Hoi premium fragrant rice',
        ocop: { stars: 3, year: 2022 },
        brand: { name: 'Gạo Huyền Hội', kind: 'OWN_BRAND' },
        certs: ['VIETGAP'],
      },
    ],
  },
  {
    key: 'phu_can',
    name: 'HTX NN Phú Cần',
    district: '846',
    commune: '29347',
    subsector: 'RICE',
    pilot: true,
    model: false,
    riceUnion: true,
    products: [],
  },
  {
    key: 'dan_tien',
    name: 'HTX NN Dân Tiến',
    district: '849',
    commune: '29467',
    subsector: 'RICE',
    pilot: true,
    model: false,
    riceUnion: true,
    products: [],
  },
  {
    key: 'an_truong_a',
    name: 'HTX NN An Trường A',
    district: '844',
    commune: '29272',
    subsector: 'RICE',
    pilot: true,
    model: false,
    riceUnion: true,
    products: [],
  },
  {
    key: 'phat_tai',
    name: 'HTX NN Phát Tài',
    district: '846',
    commune: '29356',
    subsector: 'RICE',
    pilot: true,
    model: false,
    riceUnion: true,
    products: [],
  },
  {
    key: 'truong_tho',
    name: 'HTX NN Trường Thọ',
    district: '848',
    commune: '29449',
    subsector: 'RICE',
    pilot: true,
    model: false,
    riceUnion: true,
    products: [],
  },
  {
    key: 'ngoc_phuoc_vinh',
    name: 'HTX NN Ngọc Phước Vinh',
    district: '849',
    commune: '29503',
    subsector: 'RICE',
    pilot: true,
    model: false,
    riceUnion: true,
    products: [],
  },
  {
    key: 'phu_can_coconut',
    name: 'HTX Dừa hữu cơ Phú Cần',
    district: '846',
    commune: '29347',
    subsector: 'COCONUT',
    pilot: false,
    model: true,
    products: [
      {
        line: 'coconut_nectar',
        vi: 'Mật hoa dừa Phú Cần',
        en: 'Phu Can coconut nectar',
        ocop: { stars: 5, year: 2023 },
        certs: ['ORGANIC', 'HACCP'],
      },
      {
        line: 'coconut_sugar',
        vi: 'Đường hoa dừa Phú Cần',
        en: 'Phu Can coconut flower sugar',
        ocop: { stars: 5, year: 2023 },
        certs: ['ORGANIC', 'HACCP'],
      },
    ],
  },
  {
    key: 'cau_ke_wax_coconut',
    name: 'HTX Dừa sáp Châu Điền',
    district: '845',
    commune: '29314',
    subsector: 'COCONUT',
    pilot: true,
    model: false,
    products: [
      {
        line: 'dried_wax_coconut',
        vi: 'Dừa sáp sấy dẻo Cầu Kè',
        en: 'Cau Ke dried wax-coconut strips',
        ocop: { stars: 5, year: 2023 },
        certs: ['HACCP'],
      },
      { line: 'wax_coconut', vi: 'Dừa sáp Cầu Kè', en: 'Cau Ke wax coconut', ocop: { stars: 4, year: 2022 }, certs: ['VIETGAP'] },
    ],
  },
  {
    key: 'cau_ke_orange',
    name: 'HTX Cây ăn trái Hòa Tân',
    district: '845',
    commune: '29320',
    subsector: 'FRUIT',
    pilot: true,
    model: false,
    products: [{ line: 'king_orange', vi: 'Cam sành Cầu Kè', en: 'Cau Ke king orange', certs: ['VIETGAP'] }],
  },
  {
    key: 'nam_roi',
    name: 'HTX Trái cây Đại Phước',
    district: '844',
    commune: '29296',
    subsector: 'FRUIT',
    pilot: false,
    model: false,
    products: [{ line: 'nam_roi_pomelo', vi: 'Bưởi Năm Roi Càng Long', en: 'Cang Long Nam Roi pomelo', certs: ['VIETGAP'] }],
  },
  {
    key: 'tra_cuon',
    name: 'HTX Bánh tét Trà Cuôn',
    district: '849',
    commune: '29482',
    subsector: 'FOOD_PROCESSING',
    pilot: false,
    model: false,
    products: [
      {
        line: 'banh_tet',
        vi: 'Bánh tét Trà Cuôn',
        en: 'Tra Cuon bánh tét',
        brand: { name: 'Bánh tét Trà Cuôn', kind: 'COLLECTIVE_TRADEMARK' },
      },
    ],
  },
];
