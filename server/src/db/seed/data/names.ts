import type { Subsector } from './districts';

/** How cooperatives in each line of work usually title themselves. */
export const COOPERATIVE_PREFIXES: Record<Subsector, readonly string[]> = {
  RICE: ['HTX Nông nghiệp', 'HTX Dịch vụ nông nghiệp', 'HTX Nông nghiệp Lúa gạo'],
  COCONUT: ['HTX Nông nghiệp', 'HTX Dừa', 'HTX Dừa hữu cơ'],
  FRUIT: ['HTX Nông nghiệp', 'HTX Cây ăn trái', 'HTX Trái cây'],
  CROPS: ['HTX Nông nghiệp', 'HTX Rau an toàn', 'HTX Hoa màu'],
  LIVESTOCK: ['HTX Chăn nuôi', 'HTX Nông nghiệp Chăn nuôi'],
  AQUACULTURE: ['HTX Thủy sản', 'HTX Nuôi trồng thủy sản', 'HTX Nuôi tôm'],
  SALT: ['HTX Sản xuất muối', 'HTX Diêm nghiệp'],
  AGRI_SERVICES: ['HTX Dịch vụ nông nghiệp', 'HTX Dịch vụ nông nghiệp tổng hợp'],
  FOOD_PROCESSING: ['HTX Chế biến thực phẩm', 'HTX Tiểu thủ công nghiệp', 'HTX Sản xuất bánh'],
  HANDICRAFT: ['HTX Tiểu thủ công nghiệp', 'HTX Thủ công mỹ nghệ', 'HTX Đan lát'],
  TRADE_SERVICES: ['HTX Thương mại dịch vụ', 'HTX Dịch vụ tổng hợp'],
  TRANSPORT: ['HTX Vận tải', 'HTX Vận tải thủy bộ'],
  ENVIRONMENT: ['HTX Dịch vụ môi trường', 'HTX Vệ sinh môi trường'],
  CONSTRUCTION: ['HTX Xây dựng', 'HTX Xây dựng dân dụng'],
};

/** What each line of work does, for the profile text. */
export const SUBSECTOR_ACTIVITY: Record<Subsector, readonly [vi: string, en: string]> = {
  RICE: ['Sản xuất và tiêu thụ lúa gạo theo hướng an toàn', 'Grows and markets rice under safe-production practice'],
  COCONUT: ['Trồng, thu mua và sơ chế dừa cho xã viên', 'Grows, buys and pre-processes coconut for its members'],
  FRUIT: ['Trồng cây ăn trái, liên kết tiêu thụ với doanh nghiệp', 'Grows fruit and sells through company offtake links'],
  CROPS: ['Trồng rau màu, đậu phộng theo quy trình an toàn', 'Grows vegetables and peanuts to safe-production rules'],
  LIVESTOCK: ['Chăn nuôi và cung ứng con giống cho xã viên', 'Raises livestock and supplies breeding stock to members'],
  AQUACULTURE: ['Nuôi tôm, cua và cá nước lợ', 'Farms brackish-water shrimp, crab and fish'],
  SALT: ['Sản xuất và tiêu thụ muối hạt sạch', 'Produces and sells clean sea salt'],
  AGRI_SERVICES: ['Cung ứng vật tư, làm đất, sấy lúa cho nông dân', 'Supplies inputs, tillage and drying to farmers'],
  FOOD_PROCESSING: ['Chế biến đặc sản địa phương', 'Makes local specialty foods'],
  HANDICRAFT: ['Sản xuất hàng thủ công từ xơ dừa và lục bình', 'Makes handicrafts from coconut fibre and water hyacinth'],
  TRADE_SERVICES: ['Kinh doanh thương mại, dịch vụ cho thành viên', 'Trades and provides services to its members'],
  TRANSPORT: ['Vận tải hàng hóa và hành khách', 'Carries goods and passengers'],
  ENVIRONMENT: ['Thu gom rác và vệ sinh môi trường', 'Collects waste and keeps public spaces clean'],
  CONSTRUCTION: ['Xây dựng công trình dân dụng và giao thông nông thôn', 'Builds homes and rural roads'],
};

/** Words cooperatives choose for their names when not naming their commune. */
export const AUSPICIOUS_WORDS = [
  'Thành Công',
  'Tân Tiến',
  'Phát Đạt',
  'Hưng Thịnh',
  'Thuận Thành',
  'Đoàn Kết',
  'An Phú',
  'Hòa Bình',
  'Thắng Lợi',
  'Phước Lộc',
  'Tiến Phát',
  'Quyết Thắng',
  'Đồng Tâm',
  'Hợp Lực',
  'Toàn Thắng',
  'Thanh Bình',
  'Phú Hưng',
  'Thạnh Lợi',
  'Kim Phát',
  'Bình Minh',
  'Hiệp Lực',
  'Vĩnh Phát',
  'Thịnh Phát',
  'Tân Thành',
  'Phú Lộc',
  'Hòa Hiệp',
  'Tân Phước',
  'Mỹ Lợi',
  'Đồng Tiến',
  'Thuận Phát',
] as const;

/** Hamlet (ấp) names for addresses; Trà Vinh mixes Kinh and Khmer place names. */
export const HAMLETS = [
  'Chợ',
  'Giồng Lớn',
  'Ô Đùng',
  'Sóc Ruộng',
  'Bến Có',
  'Trà Kha',
  'Cây Gòn',
  'Rạch Kinh',
  'Tân Lập',
  'Phú Hòa',
  'Mỹ Thập',
  'Bãi Vàng',
  'Cồn Cù',
  'Chông Bát',
  'Ba Se',
  'Đầu Giồng',
  'Ngã Ba',
  'Kinh Xáng',
  'Sóc Tro',
  'Giồng Trôm',
  'Ô Chát',
  'Cà Săng',
  'Đại Thôn',
  'Bà Nghĩa',
  'Số 1',
  'Số 2',
  'Số 3',
  'Số 4',
] as const;

export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Thạch',
  'Kim',
  'Sơn',
  'Danh',
  'Lâm',
  'Trương',
  'Châu',
] as const;
/** Middle and given names by the gender they are usually given to. */
export const PERSON_NAMES = {
  male: {
    middle: ['Văn', 'Minh', 'Thanh', 'Hoàng', 'Quốc', 'Hữu', 'Đức'],
    given: [
      'An',
      'Bình',
      'Cường',
      'Dũng',
      'Hải',
      'Hùng',
      'Khánh',
      'Lộc',
      'Nam',
      'Phúc',
      'Quang',
      'Sơn',
      'Tài',
      'Thắng',
      'Trung',
      'Tuấn',
      'Vinh',
      'Sang',
    ],
  },
  female: {
    middle: ['Thị', 'Ngọc', 'Thanh', 'Thị Kim', 'Thị Ngọc', 'Bích'],
    given: ['Hoa', 'Hương', 'Lan', 'Mai', 'Ngọc', 'Nhung', 'Phượng', 'Thảo', 'Trang', 'Yến', 'Huệ', 'Thu'],
  },
} as const;

/** Marks cooperatives register for their own products. */
export const BRAND_WORDS = [
  'Hạt Ngọc',
  'Mekong Xanh',
  'Sông Hậu',
  'Đất Giồng',
  'Quê Hương',
  'Hương Sen',
  'Bông Lúa Vàng',
  'Cửu Long',
  'Biển Xanh',
  'Ba Động',
  'Ao Bà Om',
  'Phương Nam',
  'Miệt Vườn',
  'Làng Dừa',
  'Vườn Nhà',
  'Hương Quê',
] as const;

/** Streets of Trà Vinh city and the national roads through the districts, for company addresses. */
export const STREETS = [
  'Nguyễn Đáng',
  'Điện Biên Phủ',
  'Phạm Ngũ Lão',
  'Trần Phú',
  'Lê Lợi',
  'Nguyễn Thị Minh Khai',
  'Mậu Thân',
  'Quốc lộ 53',
  'Quốc lộ 54',
  'Quốc lộ 60',
  'Hùng Vương',
  'Bạch Đằng',
] as const;

/** The commune's own name, as cooperatives use it: "Xã Long Hiệp" → "Long Hiệp". */
export function shortAreaName(name: string): string {
  return name.replace(/^(Xã|Phường|Thị trấn|Huyện|Thị xã|Thành phố|Tỉnh)\s+/u, '');
}

/** ASCII slug for e-mail addresses: "Long Hiệp" → "longhiep". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
