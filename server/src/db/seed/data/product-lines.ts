import type { Subsector } from './districts';

export type Unit = 'KGM' | 'TNE' | 'H87' | 'LTR';
export type Scheme = 'VIETGAP' | 'GLOBALGAP' | 'ORGANIC' | 'HACCP' | 'ISO22000';
export type BrandKind = 'OWN_BRAND' | 'COLLECTIVE_TRADEMARK' | 'CERTIFICATION_MARK' | 'GEOGRAPHICAL_INDICATION';

/**
 * One thing a cooperative sells, as it is typically offered in Trà Vinh. Prices
 * are demo ranges in whole VND per unit, not market statistics; the generator
 * spreads each product inside them.
 */
export interface ProductLine {
  key: string;
  subsectors: readonly Subsector[];
  /** District codes where the line is typical; absent means anywhere. */
  districts?: readonly string[];
  /** Relative likelihood among the lines a cooperative could take up. */
  weight: number;
  category: string;
  names: ReadonlyArray<readonly [vi: string, en: string]>;
  unit: Unit;
  price: readonly [low: number, high: number];
  minOrder: readonly number[];
  /** Monthly capacity for a mid-sized cooperative, in `unit`. */
  capacity: readonly [low: number, high: number];
  months: readonly number[];
  packaging: readonly string[];
  description: readonly [vi: string, en: string];
  /** Chance that a product of this line holds each certificate. */
  certs: Partial<Record<Scheme, number>>;
  /** Chance that it carries OCOP stars. */
  ocop: number;
  /** A shared mark the cooperative uses for this line instead of its own brand. */
  sharedBrand?: { name: string; kind: BrandKind };
}

const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const COAST = ['848', '849', '850', '851'] as const;
const COCONUT_BELT = ['844', '845', '846', '847'] as const;

export const PRODUCT_LINES: readonly ProductLine[] = [
  // Coconut: Càng Long, Tiểu Cần and Cầu Kè; wax coconut is Cầu Kè's own.
  {
    key: 'wax_coconut', subsectors: ['COCONUT'], districts: ['845'], weight: 6, category: 'fruit.coconut.wax',
    names: [['Dừa sáp Cầu Kè', 'Cau Ke wax coconut'], ['Dừa sáp ruột dẻo loại 1', 'Grade-1 soft-flesh wax coconut']],
    unit: 'H87', price: [60_000, 150_000], minOrder: [20, 50, 100], capacity: [800, 4000], months: ALL_YEAR,
    packaging: ['Thùng carton 10 trái', 'Thùng xốp 6 trái, bọc màng'],
    description: ['Dừa sáp cơm dày, dẻo, trồng trên đất giồng cát Cầu Kè; mỗi trái được gõ thử trước khi giao.', 'Thick, soft-flesh wax coconut from the sandy ridges of Cầu Kè; every nut is tapped and checked before dispatch.'],
    certs: { VIETGAP: 0.35, ORGANIC: 0.15 }, ocop: 0.4,
    sharedBrand: { name: 'Dừa sáp Cầu Kè', kind: 'GEOGRAPHICAL_INDICATION' },
  },
  {
    key: 'drinking_coconut', subsectors: ['COCONUT'], districts: COCONUT_BELT, weight: 4, category: 'fruit.coconut.fresh',
    names: [['Dừa xiêm xanh', 'Green Siamese drinking coconut'], ['Dừa xiêm lửa', 'Red Siamese drinking coconut']],
    unit: 'H87', price: [8_000, 16_000], minOrder: [100, 500, 1000], capacity: [5000, 30_000], months: ALL_YEAR,
    packaging: ['Bao lưới 20 trái', 'Dừa gọt kim cương, bọc màng, thùng 9 trái'],
    description: ['Dừa uống nước, thu hoạch 7–8 tháng tuổi, nước ngọt thanh.', 'Drinking coconut picked at seven to eight months, with sweet, clear water.'],
    certs: { VIETGAP: 0.3, GLOBALGAP: 0.08, ORGANIC: 0.1 }, ocop: 0.15,
  },
  {
    key: 'mature_coconut', subsectors: ['COCONUT'], districts: COCONUT_BELT, weight: 4, category: 'fruit.coconut.mature',
    names: [['Dừa khô', 'Mature coconut'], ['Dừa khô hữu cơ', 'Organic mature coconut']],
    unit: 'H87', price: [4_000, 10_000], minOrder: [1000, 5000], capacity: [20_000, 120_000], months: ALL_YEAR,
    packaging: ['Bao lưới 30 trái', 'Xe tải rời'],
    description: ['Dừa khô nguyên liệu cho chế biến cơm dừa, thạch dừa, dầu dừa.', 'Mature coconut for processors of desiccated coconut, nata de coco and oil.'],
    certs: { ORGANIC: 0.25 }, ocop: 0,
  },
  {
    key: 'coconut_sugar', subsectors: ['COCONUT', 'FOOD_PROCESSING'], districts: ['846', '844', '845'], weight: 3, category: 'processed.coconut.sugar',
    names: [['Đường hoa dừa', 'Coconut flower sugar'], ['Đường dừa hữu cơ', 'Organic coconut sugar']],
    unit: 'KGM', price: [120_000, 250_000], minOrder: [5, 10, 50], capacity: [200, 1500], months: ALL_YEAR,
    packaging: ['Túi zip 500 g', 'Hũ thủy tinh 250 g', 'Bao 25 kg cho nhà chế biến'],
    description: ['Đường cô từ mật hoa dừa, không tẩy trắng, chỉ số đường huyết thấp.', 'Sugar boiled down from coconut-flower sap, unbleached and low-glycaemic.'],
    certs: { HACCP: 0.3, ORGANIC: 0.3, ISO22000: 0.1 }, ocop: 0.6,
  },
  {
    key: 'coconut_nectar', subsectors: ['COCONUT', 'FOOD_PROCESSING'], districts: ['846', '845'], weight: 2, category: 'processed.coconut.nectar',
    names: [['Mật hoa dừa', 'Coconut nectar']],
    unit: 'LTR', price: [180_000, 350_000], minOrder: [6, 24], capacity: [100, 800], months: ALL_YEAR,
    packaging: ['Chai thủy tinh 250 ml', 'Chai 500 ml, thùng 12 chai'],
    description: ['Mật lấy từ hoa dừa, cô đặc ở nhiệt độ thấp để giữ hương.', 'Coconut-flower sap, concentrated at low heat to keep its aroma.'],
    certs: { HACCP: 0.35, ORGANIC: 0.35 }, ocop: 0.7,
  },
  {
    key: 'coconut_candy', subsectors: ['COCONUT', 'FOOD_PROCESSING'], districts: COCONUT_BELT, weight: 2, category: 'processed.coconut.candy',
    names: [['Kẹo dừa sáp', 'Wax-coconut candy'], ['Kẹo dừa lá dứa', 'Pandan coconut candy']],
    unit: 'KGM', price: [70_000, 140_000], minOrder: [10, 20], capacity: [300, 2000], months: ALL_YEAR,
    packaging: ['Hộp giấy 400 g', 'Túi 250 g'],
    description: ['Kẹo dừa nấu thủ công từ nước cốt dừa và mạch nha.', 'Hand-cooked candy of coconut cream and malt.'],
    certs: { HACCP: 0.2 }, ocop: 0.5,
  },
  {
    key: 'dried_wax_coconut', subsectors: ['COCONUT', 'FOOD_PROCESSING'], districts: ['845'], weight: 2, category: 'processed.coconut.dried',
    names: [['Dừa sáp sấy dẻo', 'Dried wax-coconut strips']],
    unit: 'KGM', price: [300_000, 500_000], minOrder: [2, 5], capacity: [50, 400], months: ALL_YEAR,
    packaging: ['Túi zip 200 g', 'Hộp quà 500 g'],
    description: ['Cơm dừa sáp cắt sợi, sấy dẻo, không chất bảo quản.', 'Wax-coconut flesh cut in strips and soft-dried, without preservatives.'],
    certs: { HACCP: 0.3 }, ocop: 0.6,
  },
  {
    key: 'coconut_oil', subsectors: ['COCONUT', 'FOOD_PROCESSING'], districts: COCONUT_BELT, weight: 1, category: 'processed.coconut.oil',
    names: [['Dầu dừa nguyên chất ép lạnh', 'Cold-pressed virgin coconut oil']],
    unit: 'LTR', price: [150_000, 300_000], minOrder: [5, 20], capacity: [100, 1000], months: ALL_YEAR,
    packaging: ['Chai thủy tinh 500 ml', 'Can 5 lít'],
    description: ['Ép lạnh từ cơm dừa tươi trong ngày.', 'Cold-pressed from fresh coconut meat on the day it is opened.'],
    certs: { HACCP: 0.25, ORGANIC: 0.2 }, ocop: 0.4,
  },
  // Fruit
  {
    key: 'king_orange', subsectors: ['FRUIT'], districts: ['845', '846'], weight: 6, category: 'fruit.citrus.king_orange',
    names: [['Cam sành Cầu Kè', 'Cau Ke king orange'], ['Cam sành loại 1', 'Grade-1 king orange']],
    unit: 'KGM', price: [12_000, 30_000], minOrder: [200, 500, 1000], capacity: [10_000, 60_000], months: [8, 9, 10, 11, 12, 1, 2],
    packaging: ['Sọt nhựa 20 kg', 'Thùng carton 10 kg'],
    description: ['Cam sành vỏ mỏng, mọng nước, vụ chính trước Tết.', 'Thin-skinned, juicy king orange, main crop before Tết.'],
    certs: { VIETGAP: 0.4 }, ocop: 0.3,
  },
  {
    key: 'nam_roi_pomelo', subsectors: ['FRUIT'], districts: ['844', '845', '847'], weight: 3, category: 'fruit.citrus.pomelo',
    names: [['Bưởi Năm Roi', 'Nam Roi pomelo']],
    unit: 'KGM', price: [25_000, 45_000], minOrder: [100, 300], capacity: [3000, 20_000], months: [7, 8, 9, 10, 11, 12, 1],
    packaging: ['Thùng carton 10 kg, dán tem truy xuất', 'Sọt 20 kg'],
    description: ['Bưởi Năm Roi múi ráo, ngọt thanh, không hạt hoặc ít hạt.', 'Nam Roi pomelo: dry segments, mild sweetness, few or no seeds.'],
    certs: { VIETGAP: 0.4, GLOBALGAP: 0.1 }, ocop: 0.3,
  },
  {
    key: 'green_pomelo', subsectors: ['FRUIT'], districts: ['844', '845', '846'], weight: 2, category: 'fruit.citrus.pomelo',
    names: [['Bưởi da xanh', 'Green-skin pomelo']],
    unit: 'KGM', price: [35_000, 60_000], minOrder: [100, 300], capacity: [2000, 15_000], months: ALL_YEAR,
    packaging: ['Thùng carton 10 kg', 'Túi lưới 2 trái'],
    description: ['Bưởi da xanh ruột hồng, trồng trên đất phù sa.', 'Pink-fleshed green-skin pomelo grown on alluvial soil.'],
    certs: { VIETGAP: 0.35 }, ocop: 0.2,
  },
  {
    key: 'dragon_fruit', subsectors: ['FRUIT'], districts: ['844', '847'], weight: 6, category: 'fruit.dragon_fruit',
    names: [['Thanh long ruột đỏ', 'Red-flesh dragon fruit'], ['Thanh long ruột đỏ xuất khẩu', 'Export-grade red-flesh dragon fruit']],
    unit: 'KGM', price: [18_000, 40_000], minOrder: [200, 500, 1000], capacity: [5000, 40_000], months: ALL_YEAR,
    packaging: ['Thùng carton 5 kg, lót giấy', 'Sọt nhựa 20 kg'],
    description: ['Thanh long ruột đỏ, chong đèn cho trái nghịch vụ quanh năm.', 'Red-flesh dragon fruit, lit at night to fruit all year round.'],
    certs: { VIETGAP: 0.45, GLOBALGAP: 0.15 }, ocop: 0.2,
  },
  // Rice: everywhere
  {
    key: 'fragrant_rice', subsectors: ['RICE'], weight: 6, category: 'grain.rice.fragrant',
    names: [['Gạo thơm ST25', 'ST25 fragrant rice'], ['Gạo thơm Jasmine', 'Jasmine fragrant rice'], ['Gạo đặc sản Một Bụi Đỏ', 'Mot Bui Do specialty red rice']],
    unit: 'KGM', price: [18_000, 38_000], minOrder: [50, 100, 500], capacity: [20_000, 150_000], months: ALL_YEAR,
    packaging: ['Túi 5 kg hút chân không', 'Bao 25 kg', 'Bao 50 kg'],
    description: ['Gạo xay xát trong vụ, liên kết bao tiêu với doanh nghiệp.', 'Milled in season and sold under company offtake contracts.'],
    certs: { VIETGAP: 0.35 }, ocop: 0.2,
  },
  {
    key: 'organic_rice', subsectors: ['RICE'], districts: ['849', '848', '844', '846'], weight: 3, category: 'grain.rice.organic',
    names: [['Gạo hữu cơ', 'Organic rice'], ['Gạo lứt hữu cơ', 'Organic brown rice']],
    unit: 'KGM', price: [35_000, 60_000], minOrder: [20, 50, 100], capacity: [5000, 40_000], months: ALL_YEAR,
    packaging: ['Túi 2 kg hút chân không', 'Hộp giấy 1 kg'],
    description: ['Canh tác không phân hóa học, không thuốc trừ sâu hóa học.', 'Grown without synthetic fertiliser or chemical pesticides.'],
    certs: { ORGANIC: 0.9 }, ocop: 0.4,
  },
  {
    key: 'paddy', subsectors: ['RICE', 'AGRI_SERVICES'], weight: 4, category: 'grain.rice.paddy',
    names: [['Lúa tươi OM18', 'OM18 fresh paddy'], ['Lúa tươi Đài Thơm 8', 'Dai Thom 8 fresh paddy'], ['Lúa khô OM5451', 'OM5451 dried paddy']],
    unit: 'TNE', price: [6_500_000, 9_000_000], minOrder: [10, 20, 50], capacity: [200, 1500], months: [2, 3, 6, 7, 10, 11],
    packaging: ['Hàng xá, giao tại ruộng', 'Bao 50 kg'],
    description: ['Lúa hàng hóa theo cánh đồng lớn, giao tại ruộng hoặc bến.', 'Paddy from large-field programmes, delivered at the field or the landing.'],
    certs: { VIETGAP: 0.3 }, ocop: 0,
  },
  {
    key: 'rice_seed', subsectors: ['AGRI_SERVICES', 'RICE'], weight: 2, category: 'input.seed.rice',
    names: [['Lúa giống xác nhận', 'Certified rice seed']],
    unit: 'KGM', price: [15_000, 22_000], minOrder: [100, 500], capacity: [5000, 30_000], months: [1, 4, 5, 8, 9, 12],
    packaging: ['Bao 40 kg có tem kiểm định'],
    description: ['Lúa giống cấp xác nhận cho các vụ Đông Xuân, Hè Thu, Thu Đông.', 'Certified seed for the winter-spring, summer-autumn and autumn-winter crops.'],
    certs: {}, ocop: 0,
  },
  // Field crops
  {
    key: 'peanut', subsectors: ['CROPS'], districts: ['848', '849'], weight: 6, category: 'grain.peanut',
    names: [['Đậu phộng Cầu Ngang', 'Cau Ngang peanuts'], ['Đậu phộng nhân', 'Shelled peanuts']],
    unit: 'KGM', price: [30_000, 60_000], minOrder: [50, 200], capacity: [3000, 30_000], months: [3, 4, 7, 8, 11],
    packaging: ['Bao 25 kg', 'Túi 1 kg'],
    description: ['Đậu phộng trồng trên đất giồng cát ven biển, hạt chắc, béo.', 'Peanuts from the coastal sand ridges: full, rich kernels.'],
    certs: { VIETGAP: 0.3 }, ocop: 0.35,
  },
  {
    key: 'leafy_vegetables', subsectors: ['CROPS'], weight: 3, category: 'vegetable.leafy',
    names: [['Rau ăn lá an toàn', 'Safe leafy greens'], ['Cải xanh', 'Mustard greens'], ['Rau muống', 'Water spinach']],
    unit: 'KGM', price: [10_000, 28_000], minOrder: [20, 50], capacity: [2000, 15_000], months: ALL_YEAR,
    packaging: ['Túi 500 g có tem', 'Sọt 10 kg'],
    description: ['Rau trồng trong nhà lưới theo quy trình an toàn.', 'Grown under net houses to safe-production rules.'],
    certs: { VIETGAP: 0.5 }, ocop: 0.05,
  },
  {
    key: 'chilli', subsectors: ['CROPS'], districts: ['848', '849', '842', '846'], weight: 2, category: 'vegetable.fruiting',
    names: [['Ớt chỉ thiên', 'Bird’s-eye chilli'], ['Dưa leo', 'Cucumber']],
    unit: 'KGM', price: [12_000, 60_000], minOrder: [50, 100], capacity: [1000, 10_000], months: [1, 2, 3, 4, 5, 10, 11, 12],
    packaging: ['Sọt 20 kg', 'Thùng xốp 10 kg'],
    description: ['Thu hoạch theo đơn đặt hàng của thương lái và bếp ăn.', 'Picked to order for traders and canteens.'],
    certs: { VIETGAP: 0.35 }, ocop: 0.05,
  },
  // Livestock
  {
    key: 'cattle', subsectors: ['LIVESTOCK'], weight: 3, category: 'livestock.cattle',
    names: [['Bò thịt lai Sind', 'Sind-cross beef cattle']],
    unit: 'KGM', price: [80_000, 100_000], minOrder: [300, 1000], capacity: [2000, 10_000], months: ALL_YEAR,
    packaging: ['Giao bò hơi tại chuồng'],
    description: ['Bò vỗ béo bằng cỏ trồng và phụ phẩm nông nghiệp; giá theo kg hơi.', 'Fattened on planted grass and crop residues; priced per kg live weight.'],
    certs: { VIETGAP: 0.15 }, ocop: 0,
  },
  {
    key: 'poultry', subsectors: ['LIVESTOCK'], weight: 3, category: 'livestock.poultry',
    names: [['Gà thả vườn', 'Free-range chicken'], ['Trứng vịt', 'Duck eggs']],
    unit: 'KGM', price: [70_000, 110_000], minOrder: [50, 100], capacity: [500, 5000], months: ALL_YEAR,
    packaging: ['Lồng giao tại trại', 'Khay 30 trứng'],
    description: ['Nuôi thả vườn, có sổ ghi chép chăn nuôi.', 'Free-range, with a kept farm record.'],
    certs: { VIETGAP: 0.2 }, ocop: 0.05,
  },
  {
    key: 'pig', subsectors: ['LIVESTOCK'], weight: 2, category: 'livestock.pig',
    names: [['Heo thịt', 'Finishing pigs']],
    unit: 'KGM', price: [55_000, 72_000], minOrder: [500, 1000], capacity: [3000, 15_000], months: ALL_YEAR,
    packaging: ['Giao heo hơi tại trại'],
    description: ['Heo nuôi theo hướng an toàn sinh học.', 'Raised under biosecurity rules.'],
    certs: { VIETGAP: 0.2 }, ocop: 0,
  },
  // Seafood: the Duyên Hải coast, Cầu Ngang and Trà Cú
  {
    key: 'black_tiger_shrimp', subsectors: ['AQUACULTURE'], districts: COAST, weight: 5, category: 'seafood.shrimp.black_tiger',
    names: [['Tôm sú quảng canh', 'Extensive-farm black tiger shrimp'], ['Tôm sú sinh thái', 'Eco-farmed black tiger shrimp']],
    unit: 'KGM', price: [200_000, 350_000], minOrder: [50, 100], capacity: [1000, 8000], months: [5, 6, 7, 8, 9, 10, 11],
    packaging: ['Thùng xốp ướp đá 20 kg', 'Giao sống tại ao'],
    description: ['Tôm sú nuôi mật độ thưa trong vuông tôm – rừng nước lợ.', 'Black tiger shrimp at low density in brackish mangrove ponds.'],
    certs: { VIETGAP: 0.3, GLOBALGAP: 0.1 }, ocop: 0.15,
  },
  {
    key: 'whiteleg_shrimp', subsectors: ['AQUACULTURE'], districts: COAST, weight: 4, category: 'seafood.shrimp.whiteleg',
    names: [['Tôm thẻ chân trắng', 'Whiteleg shrimp']],
    unit: 'KGM', price: [100_000, 160_000], minOrder: [200, 500], capacity: [5000, 40_000], months: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    packaging: ['Thùng xốp ướp đá 20 kg'],
    description: ['Nuôi thâm canh trong ao lót bạt, có hồ lắng xử lý nước.', 'Intensively farmed in lined ponds with settling ponds for water treatment.'],
    certs: { VIETGAP: 0.35, GLOBALGAP: 0.12 }, ocop: 0.05,
  },
  {
    key: 'mud_crab', subsectors: ['AQUACULTURE'], districts: ['850', '851', '848'], weight: 5, category: 'seafood.crab',
    names: [['Cua biển Duyên Hải', 'Duyen Hai mud crab'], ['Cua gạch', 'Roe-laden mud crab']],
    unit: 'KGM', price: [250_000, 550_000], minOrder: [10, 50], capacity: [300, 3000], months: ALL_YEAR,
    packaging: ['Buộc dây, thùng xốp có lỗ thông khí'],
    description: ['Cua nuôi xen trong vuông tôm – rừng, giao sống.', 'Crab raised alongside shrimp in mangrove ponds, delivered live.'],
    certs: { VIETGAP: 0.2 }, ocop: 0.2,
  },
  {
    key: 'fish', subsectors: ['AQUACULTURE'], weight: 3, category: 'seafood.fish',
    names: [['Cá lóc đồng', 'Snakehead fish'], ['Cá kèo', 'Mudskipper goby'], ['Cá rô phi', 'Tilapia']],
    unit: 'KGM', price: [40_000, 180_000], minOrder: [50, 200], capacity: [2000, 20_000], months: ALL_YEAR,
    packaging: ['Giao sống bằng ghe đục', 'Thùng xốp ướp đá 20 kg'],
    description: ['Cá nuôi ao đất, thu hoạch theo đơn đặt hàng.', 'Pond-raised, harvested to order.'],
    certs: { VIETGAP: 0.25 }, ocop: 0.05,
  },
  {
    key: 'clam', subsectors: ['AQUACULTURE'], districts: ['850', '851'], weight: 2, category: 'seafood.clam',
    names: [['Nghêu thịt', 'Hard clams'], ['Sò huyết', 'Blood cockles']],
    unit: 'KGM', price: [30_000, 120_000], minOrder: [100, 500], capacity: [5000, 40_000], months: [1, 2, 3, 4, 5, 6],
    packaging: ['Bao lưới 25 kg'],
    description: ['Khai thác trên bãi bồi ven biển theo mùa.', 'Harvested seasonally on the coastal mudflats.'],
    certs: {}, ocop: 0.05,
  },
  {
    key: 'dried_seafood', subsectors: ['FOOD_PROCESSING', 'AQUACULTURE'], districts: COAST, weight: 3, category: 'processed.seafood',
    names: [['Khô cá lóc', 'Dried snakehead'], ['Tôm khô', 'Dried shrimp'], ['Khô cá kèo', 'Dried goby']],
    unit: 'KGM', price: [250_000, 1_200_000], minOrder: [2, 5, 10], capacity: [100, 1500], months: ALL_YEAR,
    packaging: ['Túi hút chân không 500 g', 'Hộp giấy 250 g'],
    description: ['Phơi nắng tự nhiên, không phẩm màu.', 'Sun-dried, without colouring.'],
    certs: { HACCP: 0.2 }, ocop: 0.45,
  },
  // Salt
  {
    key: 'sea_salt', subsectors: ['SALT'], districts: ['850', '851', '848'], weight: 4, category: 'salt.sea',
    names: [['Muối hạt sạch', 'Clean sea salt'], ['Muối trải bạt', 'Tarp-dried sea salt']],
    unit: 'TNE', price: [1_200_000, 3_000_000], minOrder: [1, 5, 10], capacity: [50, 500], months: [1, 2, 3, 4, 5],
    packaging: ['Bao 50 kg', 'Hàng xá tại ruộng muối'],
    description: ['Muối kết tinh trên ruộng trải bạt, hạt trắng, ít tạp chất.', 'Crystallised on tarp-lined fields: white and low in impurities.'],
    certs: {}, ocop: 0.1,
  },
  {
    key: 'seasoned_salt', subsectors: ['SALT', 'FOOD_PROCESSING'], districts: ['850', '851', '848'], weight: 2, category: 'salt.processed',
    names: [['Muối tôm', 'Shrimp salt'], ['Muối ớt', 'Chilli salt']],
    unit: 'KGM', price: [50_000, 100_000], minOrder: [5, 10], capacity: [200, 1500], months: ALL_YEAR,
    packaging: ['Hũ 200 g', 'Túi 500 g'],
    description: ['Muối rang với tôm khô, ớt và tỏi.', 'Salt roasted with dried shrimp, chilli and garlic.'],
    certs: { HACCP: 0.15 }, ocop: 0.35,
  },
  // Food processing
  {
    key: 'banh_tet', subsectors: ['FOOD_PROCESSING'], districts: ['849'], weight: 8, category: 'processed.cake.banh_tet',
    names: [['Bánh tét Trà Cuôn', 'Tra Cuon bánh tét'], ['Bánh tét lá cẩm Trà Cuôn', 'Tra Cuon purple-leaf bánh tét']],
    unit: 'H87', price: [60_000, 180_000], minOrder: [10, 20], capacity: [1000, 8000], months: ALL_YEAR,
    packaging: ['Đòn 1 kg, hút chân không', 'Cặp 2 đòn, hộp giấy'],
    description: ['Bánh tét nhân đậu xanh, thịt mỡ, trứng muối; gói lá chuối, nấu 8 giờ.', 'Mung bean, pork and salted-egg filling, wrapped in banana leaf and boiled for eight hours.'],
    certs: { HACCP: 0.15 }, ocop: 0.5,
  },
  {
    key: 'rice_paper', subsectors: ['FOOD_PROCESSING'], weight: 2, category: 'processed.rice',
    names: [['Bánh tráng', 'Rice paper'], ['Bún tươi', 'Fresh rice vermicelli']],
    unit: 'KGM', price: [15_000, 70_000], minOrder: [20, 50], capacity: [1000, 8000], months: ALL_YEAR,
    packaging: ['Xấp 500 g', 'Thùng 10 kg'],
    description: ['Làm từ gạo của xã viên, không hàn the.', 'Made from members’ rice, without borax.'],
    certs: { HACCP: 0.1 }, ocop: 0.2,
  },
  // Handicrafts: coconut fibre and water hyacinth
  {
    key: 'coir_mat', subsectors: ['HANDICRAFT'], districts: ['844', '845', '846', '847', '842'], weight: 4, category: 'handicraft.coconut_fibre',
    names: [['Thảm xơ dừa', 'Coconut-fibre mat'], ['Lưới xơ dừa chống xói mòn (cuộn)', 'Coir erosion-control net (roll)']],
    unit: 'H87', price: [80_000, 2_000_000], minOrder: [20, 50, 100], capacity: [500, 5000], months: ALL_YEAR,
    packaging: ['Kiện 20 tấm', 'Cuộn bọc bao PP'],
    description: ['Đan từ sợi xơ dừa se tay, bền và phân hủy sinh học.', 'Woven from hand-twisted coir: durable and biodegradable.'],
    certs: {}, ocop: 0.25,
  },
  {
    key: 'coir_rope', subsectors: ['HANDICRAFT'], districts: ['844', '845', '846', '847'], weight: 2, category: 'handicraft.coconut_fibre',
    names: [['Dây thừng xơ dừa', 'Coir rope'], ['Mụn dừa ép khối', 'Compressed coco-peat blocks']],
    unit: 'KGM', price: [5_000, 25_000], minOrder: [500, 1000], capacity: [5000, 30_000], months: ALL_YEAR,
    packaging: ['Kiện 50 kg', 'Khối 5 kg, pallet'],
    description: ['Sản phẩm từ vỏ dừa của vùng dừa Trà Vinh.', 'Made from the husks of Trà Vinh’s coconut belt.'],
    certs: {}, ocop: 0,
  },
  {
    key: 'hyacinth', subsectors: ['HANDICRAFT'], weight: 4, category: 'handicraft.water_hyacinth',
    names: [['Giỏ lục bình', 'Water-hyacinth basket'], ['Túi xách lục bình', 'Water-hyacinth handbag'], ['Bộ hộp đựng đồ lục bình', 'Water-hyacinth storage boxes']],
    unit: 'H87', price: [60_000, 450_000], minOrder: [20, 50, 100], capacity: [300, 3000], months: ALL_YEAR,
    packaging: ['Thùng carton 20 cái', 'Túi vải từng cái'],
    description: ['Lục bình phơi khô, đan tay bởi chị em trong ấp.', 'Sun-dried water hyacinth, hand-woven by women in the hamlet.'],
    certs: {}, ocop: 0.3,
  },
  // Inputs that service cooperatives offer their members and neighbours
  {
    key: 'organic_fertiliser', subsectors: ['AGRI_SERVICES'], weight: 2, category: 'input.fertiliser.organic',
    names: [['Phân hữu cơ vi sinh từ mụn dừa', 'Coco-peat microbial organic fertiliser']],
    unit: 'TNE', price: [3_000_000, 6_000_000], minOrder: [1, 5], capacity: [20, 200], months: ALL_YEAR,
    packaging: ['Bao 25 kg', 'Bao 50 kg'],
    description: ['Ủ từ mụn dừa, phân chuồng và chế phẩm vi sinh.', 'Composted from coco peat, manure and microbial starter.'],
    certs: {}, ocop: 0,
  },
  {
    key: 'drying_service', subsectors: ['AGRI_SERVICES'], weight: 2, category: 'service.drying_milling',
    names: [['Dịch vụ sấy lúa', 'Paddy drying service']],
    unit: 'TNE', price: [250_000, 400_000], minOrder: [5, 10], capacity: [300, 2000], months: [2, 3, 6, 7, 10, 11],
    packaging: ['Nhận lúa tại lò sấy'],
    description: ['Lò sấy vỉ ngang, nhận sấy theo vụ cho nông dân trong xã.', 'Flat-bed dryers, booked by farmers each harvest.'],
    certs: {}, ocop: 0,
  },
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
