/**
 * Wording of the public trace page. It is the one screen the server renders
 * itself (it must work on a cheap phone with JavaScript off), so its two
 * languages live here rather than in the client's dictionaries.
 */
export const TEXT = {
  vi: {
    title: 'Truy xuất nguồn gốc',
    lot: 'Mã lô',
    producedOn: 'Ngày sản xuất / thu hoạch',
    expiresOn: 'Hạn sử dụng',
    quantity: 'Số lượng',
    producer: 'Cơ sở sản xuất',
    address: 'Địa chỉ',
    origin: 'Vùng sản xuất',
    brand: 'Nhãn hiệu',
    certificates: 'Chứng nhận',
    validNow: 'còn hiệu lực',
    expired: 'hết hiệu lực',
    timeline: 'Nhật ký sản xuất',
    noEvents: 'Chưa có sự kiện nào được ghi.',
    upstream: 'Nguyên liệu đầu vào',
    inputs: 'Đầu vào',
    outputs: 'Đầu ra',
    farmInput: 'Vật tư',
    dose: 'liều',
    shippedTo: 'Giao cho',
    corrected: 'Đã được đính chính',
    correction: 'Đính chính',
    certAtEvent: 'Chứng nhận lúc đó',
    integrityOk: 'Chuỗi dữ liệu toàn vẹn: {{n}} sự kiện đã được kiểm tra.',
    integrityBroken: 'Cảnh báo: dữ liệu đã bị thay đổi sau khi ghi.',
    earlier: '{{n}} sự kiện trước đó có trong dữ liệu EPCIS bên dưới.',
    epcis: 'Tải dữ liệu EPCIS 2.0',
    labels: 'In tem',
    notFoundTitle: 'Không tìm thấy lô hàng',
    notFoundBody: 'Không có lô nào mang mã “{{code}}”. Hãy kiểm tra lại mã in trên tem, hoặc nhập mã khác:',
    search: 'Tra cứu',
    catalogue: 'Xem danh mục sản phẩm',
    language: 'English',
    none: '—',
    lotOnly: 'Lô hàng {{code}}',
    productNotPublished: 'Thông tin sản phẩm chưa được công bố.',
  },
  en: {
    title: 'Product traceability',
    lot: 'Lot code',
    producedOn: 'Produced / harvested',
    expiresOn: 'Best before',
    quantity: 'Quantity',
    producer: 'Producer',
    address: 'Address',
    origin: 'Production area',
    brand: 'Brand',
    certificates: 'Certificates',
    validNow: 'valid',
    expired: 'expired',
    timeline: 'Production timeline',
    noEvents: 'No events recorded yet.',
    upstream: 'Made from',
    inputs: 'Inputs',
    outputs: 'Outputs',
    farmInput: 'Input used',
    dose: 'dose',
    shippedTo: 'Shipped to',
    corrected: 'Corrected later',
    correction: 'Correction',
    certAtEvent: 'Certificates at the time',
    integrityOk: 'Record chain intact: {{n}} events checked.',
    integrityBroken: 'Warning: records were changed after they were written.',
    earlier: '{{n}} earlier events are in the EPCIS data below.',
    epcis: 'Download EPCIS 2.0 data',
    labels: 'Print labels',
    notFoundTitle: 'Lot not found',
    notFoundBody: 'No lot has the code “{{code}}”. Check the code printed on the label, or enter another one:',
    search: 'Look up',
    catalogue: 'Browse the product catalogue',
    language: 'Tiếng Việt',
    none: '—',
    lotOnly: 'Lot {{code}}',
    productNotPublished: 'The product details have not been published yet.',
  },
} as const;
export type Lang = keyof typeof TEXT;
export type Text = (typeof TEXT)[Lang];

export const STEP_NAMES: Record<Lang, Record<string, string>> = {
  vi: {
    PLANTING: 'Gieo trồng',
    FERTILISING: 'Bón phân',
    SPRAYING: 'Phun thuốc BVTV',
    IRRIGATING: 'Tưới nước',
    HARVESTING: 'Thu hoạch',
    PROCESSING: 'Chế biến',
    COMMISSIONING: 'Tạo lô',
    INSPECTING: 'Kiểm tra chất lượng',
    PACKING: 'Đóng gói',
    STORING: 'Lưu kho',
    SHIPPING: 'Xuất hàng',
    RECEIVING: 'Nhận hàng',
    RETAIL_SELLING: 'Bán lẻ',
    DESTROYING: 'Tiêu hủy',
  },
  en: {
    PLANTING: 'Planting',
    FERTILISING: 'Fertilising',
    SPRAYING: 'Spraying',
    IRRIGATING: 'Irrigating',
    HARVESTING: 'Harvesting',
    PROCESSING: 'Processing',
    COMMISSIONING: 'Lot created',
    INSPECTING: 'Quality inspection',
    PACKING: 'Packing',
    STORING: 'Storage',
    SHIPPING: 'Shipping',
    RECEIVING: 'Receiving',
    RETAIL_SELLING: 'Retail sale',
    DESTROYING: 'Destroyed',
  },
};

/** Vietnamese first; English when asked for in the URL or preferred by the browser. */
export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'vi') return query;
  const prefs = (acceptLanguage ?? '')
    .split(',')
    .map((p) => {
      const [tag, ...params] = p.trim().toLowerCase().split(';');
      const q = params.find((x) => x.trim().startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('vi')) return 'vi';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
