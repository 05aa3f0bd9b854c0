export type BusinessKind = 'PROCESSOR' | 'EXPORTER' | 'DISTRIBUTOR' | 'RETAILER' | 'INPUT_SUPPLIER' | 'LOGISTICS';

/**
 * The kinds of company a Trà Vinh cooperative deals with: buyers for its
 * output and suppliers of its inputs. Names are generated from these; any
 * likeness to a real company is accidental.
 */
export interface BusinessActivity {
  vi: string;
  kinds: readonly BusinessKind[];
  description: string;
  /** Roughly how many of the ~60 demo companies do this. */
  weight: number;
  /** Category branches it buys from cooperatives, for the needs it posts. */
  buys?: readonly string[];
  /** Input categories it offers cooperatives. */
  supplies?: readonly string[];
}

export const BUSINESS_ACTIVITIES: readonly BusinessActivity[] = [
  {
    vi: 'Chế biến Dừa',
    kinds: ['PROCESSOR', 'EXPORTER'],
    weight: 6,
    description: 'Thu mua dừa khô, dừa sáp và mật hoa dừa để chế biến cơm dừa sấy, nước cốt và thạch dừa xuất khẩu.',
    buys: ['fruit.coconut', 'processed.coconut'],
  },
  {
    vi: 'Xuất nhập khẩu Nông sản',
    kinds: ['EXPORTER', 'DISTRIBUTOR'],
    weight: 5,
    description: 'Xuất khẩu gạo thơm, trái cây và dừa tươi; cần nguồn hàng ổn định có truy xuất nguồn gốc.',
    buys: ['grain.rice', 'fruit', 'processed.rice'],
  },
  {
    vi: 'Chế biến Thủy sản',
    kinds: ['PROCESSOR', 'EXPORTER'],
    weight: 4,
    description: 'Chế biến tôm sú, tôm thẻ và cua đông lạnh; thu mua tại vùng nuôi Duyên Hải, Cầu Ngang.',
    buys: ['seafood', 'processed.seafood'],
  },
  {
    vi: 'Lương thực',
    kinds: ['PROCESSOR', 'DISTRIBUTOR'],
    weight: 5,
    description: 'Xay xát, lau bóng và phân phối gạo; liên kết bao tiêu lúa theo cánh đồng lớn.',
    buys: ['grain.rice'],
  },
  {
    vi: 'Thực phẩm Sạch',
    kinds: ['RETAILER', 'DISTRIBUTOR'],
    weight: 4,
    description: 'Chuỗi cửa hàng thực phẩm sạch, ưu tiên sản phẩm OCOP và có chứng nhận VietGAP.',
    buys: ['vegetable', 'fruit', 'processed', 'grain.rice.organic', 'salt'],
  },
  {
    vi: 'Thương mại Dịch vụ',
    kinds: ['RETAILER'],
    weight: 4,
    description: 'Siêu thị mini và cửa hàng đặc sản phục vụ khách du lịch.',
    buys: ['processed', 'salt.processed', 'handicraft'],
  },
  {
    vi: 'Phân bón',
    kinds: ['INPUT_SUPPLIER'],
    weight: 4,
    description: 'Cung ứng phân bón hữu cơ vi sinh và phân bón vô cơ, bán trả chậm theo vụ cho hợp tác xã.',
    supplies: ['input.fertiliser.organic', 'input.fertiliser.mineral'],
  },
  {
    vi: 'Thức ăn Chăn nuôi',
    kinds: ['INPUT_SUPPLIER'],
    weight: 3,
    description: 'Cung cấp thức ăn cho tôm, cá và gia súc; hỗ trợ kỹ thuật cho vùng nuôi.',
    supplies: ['input.feed'],
  },
  {
    vi: 'Giống Cây trồng',
    kinds: ['INPUT_SUPPLIER'],
    weight: 3,
    description: 'Cung ứng lúa giống xác nhận, cây dừa giống và cây ăn trái giống.',
    supplies: ['input.seed.rice', 'input.seed.seedling'],
  },
  {
    vi: 'Bao bì',
    kinds: ['INPUT_SUPPLIER'],
    weight: 3,
    description: 'Sản xuất túi hút chân không, thùng carton và tem truy xuất nguồn gốc in mã QR.',
    supplies: ['input.packaging'],
  },
  {
    vi: 'Cơ khí Nông nghiệp',
    kinds: ['INPUT_SUPPLIER'],
    weight: 3,
    description: 'Máy sấy lúa, máy gọt dừa và thiết bị chế biến nhỏ; lắp đặt và bảo trì tại chỗ.',
    supplies: ['input.machinery'],
  },
  {
    vi: 'Vận tải và Kho lạnh',
    kinds: ['LOGISTICS'],
    weight: 4,
    description: 'Vận chuyển hàng lạnh về TP. Hồ Chí Minh và cảng Cái Mép; kho lạnh tại Trà Vinh.',
    supplies: ['service.logistics'],
  },
  {
    vi: 'Thực phẩm',
    kinds: ['PROCESSOR', 'RETAILER'],
    weight: 3,
    description: 'Sản xuất bánh kẹo, đặc sản địa phương; đặt gia công với hợp tác xã.',
    buys: ['processed.cake', 'processed.coconut', 'grain.peanut'],
  },
  {
    vi: 'Thủ công Mỹ nghệ',
    kinds: ['EXPORTER', 'DISTRIBUTOR'],
    weight: 3,
    description: 'Thu mua hàng lục bình, xơ dừa của các tổ hợp tác để xuất khẩu sang châu Âu.',
    buys: ['handicraft'],
  },
  {
    vi: 'Trái cây',
    kinds: ['DISTRIBUTOR', 'EXPORTER'],
    weight: 3,
    description: 'Phân phối cam sành, bưởi và thanh long cho chợ đầu mối và siêu thị.',
    buys: ['fruit.citrus', 'fruit.dragon_fruit'],
  },
  {
    vi: 'Dịch vụ Tài chính Nông nghiệp',
    kinds: ['INPUT_SUPPLIER'],
    weight: 1,
    description: 'Cho vay vốn lưu động theo vụ và thuê mua máy nông nghiệp cho hợp tác xã.',
    supplies: ['service.credit'],
  },
];

export const LEGAL_FORMS = ['Công ty TNHH', 'Công ty TNHH MTV', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân'] as const;

/** Trading names companies pair with their line of business. */
export const BUSINESS_NAME_WORDS = [
  'Trà Vinh',
  'Cửu Long',
  'Mekong',
  'Phương Nam',
  'Sông Hậu',
  'Tân Phát',
  'Hưng Thịnh',
  'Đại Phát',
  'Thành Đạt',
  'Hòa Bình',
  'Nam Bộ',
  'Miền Tây',
  'Ba Động',
  'Long Toàn',
  'Thiên Phúc',
  'An Khang',
  'Phú Thịnh',
  'Kim Long',
  'Việt Xanh',
  'Sao Mai',
  'Hoàng Gia',
  'Minh Tâm',
  'Trường Phát',
  'Đông Hải',
  'Tây Đô',
  'Phúc An',
  'Gia Bảo',
  'Hải Âu',
  'Nhật Minh',
  'Bảo Châu',
] as const;

/** Province prefixes of head offices elsewhere whose Trà Vinh branch carries a 13-digit code. */
export const OUT_OF_PROVINCE_PREFIXES = ['03', '18', '15', '13'] as const;
/** Trà Vinh's own prefix for companies registered in the province. */
export const TRA_VINH_TAX_PREFIX = '21';

/** The company the demo business login owns. */
export const DEMO_BUSINESS_NAME = 'Công ty TNHH Xuất nhập khẩu Nông sản Trà Vinh';
/** The demo company's line: it buys the demo cooperative's organic rice as well as fruit and coconut. */
export const DEMO_BUSINESS_ACTIVITY = 'Xuất nhập khẩu Nông sản';
