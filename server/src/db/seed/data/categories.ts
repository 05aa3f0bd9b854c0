/**
 * The bilingual product taxonomy: what Trà Vinh's cooperatives sell, and the
 * inputs and services companies offer them. Codes are dotted paths, so the
 * parent and depth follow from the code, and matching can measure how far apart
 * two categories are. Order here is display order among siblings.
 */
export interface CategoryDef {
  code: string;
  vi: string;
  en: string;
}

export const CATEGORIES: readonly CategoryDef[] = [
  { code: 'fruit', vi: 'Trái cây', en: 'Fruit' },
  { code: 'fruit.coconut', vi: 'Dừa', en: 'Coconut' },
  { code: 'fruit.coconut.wax', vi: 'Dừa sáp', en: 'Wax coconut' },
  { code: 'fruit.coconut.fresh', vi: 'Dừa tươi (dừa uống nước)', en: 'Drinking coconut' },
  { code: 'fruit.coconut.mature', vi: 'Dừa khô', en: 'Mature coconut' },
  { code: 'fruit.citrus', vi: 'Cây có múi', en: 'Citrus' },
  { code: 'fruit.citrus.king_orange', vi: 'Cam sành', en: 'King orange' },
  { code: 'fruit.citrus.pomelo', vi: 'Bưởi', en: 'Pomelo' },
  { code: 'fruit.dragon_fruit', vi: 'Thanh long', en: 'Dragon fruit' },

  { code: 'grain', vi: 'Lúa gạo và hạt', en: 'Rice and grains' },
  { code: 'grain.rice', vi: 'Gạo', en: 'Rice' },
  { code: 'grain.rice.fragrant', vi: 'Gạo thơm, gạo đặc sản', en: 'Fragrant and specialty rice' },
  { code: 'grain.rice.organic', vi: 'Gạo hữu cơ', en: 'Organic rice' },
  { code: 'grain.rice.paddy', vi: 'Lúa hàng hóa', en: 'Paddy' },
  { code: 'grain.peanut', vi: 'Đậu phộng', en: 'Peanuts' },

  { code: 'vegetable', vi: 'Rau củ', en: 'Vegetables' },
  { code: 'vegetable.leafy', vi: 'Rau ăn lá', en: 'Leafy vegetables' },
  { code: 'vegetable.fruiting', vi: 'Rau ăn quả', en: 'Fruiting vegetables' },

  { code: 'seafood', vi: 'Thủy sản', en: 'Seafood' },
  { code: 'seafood.shrimp', vi: 'Tôm', en: 'Shrimp' },
  { code: 'seafood.shrimp.black_tiger', vi: 'Tôm sú', en: 'Black tiger shrimp' },
  { code: 'seafood.shrimp.whiteleg', vi: 'Tôm thẻ chân trắng', en: 'Whiteleg shrimp' },
  { code: 'seafood.crab', vi: 'Cua biển', en: 'Mud crab' },
  { code: 'seafood.fish', vi: 'Cá', en: 'Fish' },
  { code: 'seafood.clam', vi: 'Nghêu, sò', en: 'Clams and cockles' },

  { code: 'livestock', vi: 'Chăn nuôi', en: 'Livestock' },
  { code: 'livestock.cattle', vi: 'Bò', en: 'Cattle' },
  { code: 'livestock.pig', vi: 'Heo', en: 'Pigs' },
  { code: 'livestock.poultry', vi: 'Gia cầm, trứng', en: 'Poultry and eggs' },

  { code: 'salt', vi: 'Muối', en: 'Salt' },
  { code: 'salt.sea', vi: 'Muối hạt', en: 'Sea salt' },
  { code: 'salt.processed', vi: 'Muối chế biến', en: 'Seasoned salt' },

  { code: 'processed', vi: 'Thực phẩm chế biến', en: 'Processed food' },
  { code: 'processed.coconut', vi: 'Sản phẩm từ dừa', en: 'Coconut products' },
  { code: 'processed.coconut.sugar', vi: 'Đường dừa', en: 'Coconut sugar' },
  { code: 'processed.coconut.nectar', vi: 'Mật hoa dừa', en: 'Coconut nectar' },
  { code: 'processed.coconut.candy', vi: 'Kẹo dừa', en: 'Coconut candy' },
  { code: 'processed.coconut.dried', vi: 'Dừa sấy', en: 'Dried coconut' },
  { code: 'processed.coconut.oil', vi: 'Dầu dừa', en: 'Coconut oil' },
  { code: 'processed.cake', vi: 'Bánh truyền thống', en: 'Traditional cakes' },
  { code: 'processed.cake.banh_tet', vi: 'Bánh tét', en: 'Bánh tét (sticky rice cake)' },
  { code: 'processed.rice', vi: 'Sản phẩm từ gạo', en: 'Rice products' },
  { code: 'processed.seafood', vi: 'Thủy sản chế biến, khô', en: 'Dried and processed seafood' },

  { code: 'handicraft', vi: 'Thủ công mỹ nghệ', en: 'Handicrafts' },
  { code: 'handicraft.coconut_fibre', vi: 'Sản phẩm xơ dừa', en: 'Coconut-fibre products' },
  { code: 'handicraft.water_hyacinth', vi: 'Sản phẩm lục bình', en: 'Water-hyacinth products' },

  { code: 'input', vi: 'Vật tư nông nghiệp', en: 'Agricultural inputs' },
  { code: 'input.seed', vi: 'Giống cây trồng, vật nuôi', en: 'Seeds and breeding stock' },
  { code: 'input.seed.rice', vi: 'Lúa giống', en: 'Rice seed' },
  { code: 'input.seed.seedling', vi: 'Cây giống', en: 'Seedlings' },
  { code: 'input.seed.aquatic', vi: 'Con giống thủy sản', en: 'Shrimp and fish fry' },
  { code: 'input.fertiliser', vi: 'Phân bón', en: 'Fertiliser' },
  { code: 'input.fertiliser.organic', vi: 'Phân bón hữu cơ, vi sinh', en: 'Organic and microbial fertiliser' },
  { code: 'input.fertiliser.mineral', vi: 'Phân bón vô cơ', en: 'Mineral fertiliser' },
  { code: 'input.feed', vi: 'Thức ăn chăn nuôi, thủy sản', en: 'Animal and aquaculture feed' },
  { code: 'input.packaging', vi: 'Bao bì, nhãn mác', en: 'Packaging and labels' },
  { code: 'input.machinery', vi: 'Máy móc, thiết bị', en: 'Machinery and equipment' },

  { code: 'service', vi: 'Dịch vụ', en: 'Services' },
  { code: 'service.logistics', vi: 'Vận chuyển, kho bãi', en: 'Transport and storage' },
  { code: 'service.drying_milling', vi: 'Sấy, xay xát', en: 'Drying and milling' },
  { code: 'service.credit', vi: 'Tín dụng, tài chính', en: 'Credit and finance' },
];
