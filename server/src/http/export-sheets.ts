import ExcelJS from 'exceljs';
import type { OversightData } from '../modules/oversight/oversight.service';
import { classIn } from '../modules/oversight/figures';

// Column headings and codes are in Vietnamese: the files go to the provincial steering committee.
const STATUS_VI: Record<string, string> = {
  OPERATING: 'Đang hoạt động',
  SUSPENDED: 'Tạm ngừng',
  DISSOLVING: 'Đang giải thể',
  DISSOLVED: 'Đã giải thể',
};
const CLASS_VI: Record<string, string> = { GOOD: 'Tốt', FAIR: 'Khá', AVERAGE: 'Trung bình', WEAK: 'Yếu', UNRATED: 'Chưa xếp loại' };
const SECTOR_VI: Record<string, string> = { AGRICULTURE: 'Nông nghiệp', NON_AGRICULTURE: 'Phi nông nghiệp' };

export function registerColumns(year: number): Array<{ header: string; key: string; width: number; style?: Partial<ExcelJS.Style> }> {
  return [
    { header: 'Tên hợp tác xã', key: 'name', width: 40 },
    { header: 'Mã số đăng ký', key: 'registrationNumber', width: 16 },
    { header: 'Xã/phường', key: 'areaName', width: 22 },
    { header: 'Lĩnh vực', key: 'sector', width: 16 },
    { header: 'Ngành', key: 'subsector', width: 20 },
    { header: 'Tình trạng', key: 'status', width: 16 },
    { header: 'Ngày thành lập', key: 'establishedOn', width: 14, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Thành viên', key: 'memberCount', width: 10 },
    { header: 'Vốn điều lệ (đồng)', key: 'charterCapital', width: 18, style: { numFmt: '#,##0' } },
    { header: `Xếp loại ${year}`, key: 'ratingClass', width: 14 },
    { header: `Điểm ${year}`, key: 'score', width: 10 },
    { header: 'Thí điểm', key: 'pilot', width: 9 },
    { header: 'Điển hình', key: 'model', width: 9 },
    { header: 'Sản phẩm đăng bán', key: 'publishedProducts', width: 12 },
    { header: 'Sản phẩm có chứng nhận', key: 'certifiedProducts', width: 12 },
    { header: 'Sản phẩm OCOP', key: 'ocopProducts', width: 12 },
  ];
}

/** Dates as Date and amounts as numbers, so spreadsheets can sort and sum them. */
export function registerRows(data: OversightData): Array<Record<string, unknown>> {
  return data.coops
    .filter((c) => c.establishedOn <= `${data.year}-12-31`)
    .map((c) => ({
      name: c.name,
      registrationNumber: c.registrationNumber,
      areaName: c.areaName,
      sector: SECTOR_VI[c.sector],
      subsector: c.subsector,
      status: STATUS_VI[c.status],
      establishedOn: new Date(`${c.establishedOn}T00:00:00Z`),
      memberCount: c.memberCount,
      charterCapital: c.charterCapital,
      ratingClass: CLASS_VI[classIn(c, data.year)],
      score: c.score,
      pilot: c.isPilot ? 'Có' : '',
      model: c.isModel ? 'Có' : '',
      publishedProducts: c.publishedProducts,
      certifiedProducts: c.certifiedProducts,
      ocopProducts: c.ocopProducts,
    }));
}

const PERCENT = { numFmt: '0.0%' };

export function oversightWorkbook(data: OversightData): ExcelJS.Workbook {
  const s = data.summary;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CoopLink';

  const head = wb.addWorksheet('Tổng hợp');
  head.columns = [
    { header: 'Chỉ tiêu', key: 'label', width: 44 },
    { header: 'Giá trị', key: 'value', width: 16 },
  ];
  head.getRow(1).font = { bold: true };
  const rows: Array<[string, number | string, boolean?]> = [
    ['Địa bàn', s.area.name],
    ['Năm', s.year],
    ['Số hợp tác xã', s.cooperatives],
    ['Xếp loại tốt, khá', s.goodOrFair],
    ['Tỷ lệ tốt, khá', s.goodOrFairShare, true],
    ['Yếu kém hoặc ngừng hoạt động', s.weakOrSuspended],
    ['Tỷ lệ yếu kém, ngừng hoạt động', s.weakOrSuspendedShare, true],
    ...s.bySector.map((x): [string, number] => [`Lĩnh vực: ${SECTOR_VI[x.sector]}`, x.count]),
    ...s.byStatus.map((x): [string, number] => [`Tình trạng: ${STATUS_VI[x.status]}`, x.count]),
    ...s.byClass.map((x): [string, number] => [`Xếp loại: ${CLASS_VI[x.ratingClass]}`, x.count]),
    ['HTX có sản phẩm đăng bán', s.tradeReach.cooperativesWithPublishedProducts],
    ['HTX có sản phẩm được chứng nhận còn hiệu lực', s.tradeReach.cooperativesWithCertifiedProducts],
    ['Sản phẩm được chứng nhận còn hiệu lực', s.tradeReach.certifiedProducts],
    ['HTX có sản phẩm OCOP', s.tradeReach.cooperativesWithOcopProducts],
    ['Sản phẩm OCOP', s.tradeReach.ocopProducts],
  ];
  for (const [label, value, pct] of rows) {
    const r = head.addRow({ label, value });
    if (pct) r.getCell('value').numFmt = PERCENT.numFmt;
  }

  const areas = wb.addWorksheet('Theo địa bàn', { views: [{ state: 'frozen', ySplit: 1 }] });
  areas.columns = [
    { header: 'Hạng', key: 'rank', width: 6 },
    { header: 'Địa bàn', key: 'area', width: 24 },
    { header: 'Số HTX', key: 'cooperatives', width: 8 },
    { header: 'Tốt, khá', key: 'goodOrFair', width: 8 },
    { header: 'Tỷ lệ tốt, khá', key: 'goodOrFairShare', width: 12, style: PERCENT },
    { header: 'Yếu kém, ngừng', key: 'weakOrSuspended', width: 10 },
    { header: 'Tỷ lệ yếu kém, ngừng', key: 'weakOrSuspendedShare', width: 14, style: PERCENT },
    { header: `Tỷ lệ yếu kém, ngừng ${s.year - 1}`, key: 'previousWeakOrSuspendedShare', width: 14, style: PERCENT },
    { header: 'HTX chưa có hoạt động thương mại', key: 'withoutTradeActivity', width: 16 },
  ];
  areas.getRow(1).font = { bold: true };
  for (const a of s.byArea) areas.addRow({ ...a, area: a.area.name });

  const trend = wb.addWorksheet('Xu hướng');
  trend.columns = [
    { header: 'Năm', key: 'year', width: 8 },
    { header: 'Số HTX', key: 'cooperatives', width: 8 },
    { header: 'Tỷ lệ tốt, khá', key: 'goodOrFairShare', width: 12, style: PERCENT },
    { header: 'Tỷ lệ yếu kém, ngừng', key: 'weakOrSuspendedShare', width: 14, style: PERCENT },
  ];
  trend.getRow(1).font = { bold: true };
  for (const t of s.trend) trend.addRow(t);

  const stopped = wb.addWorksheet('Chờ xử lý');
  stopped.columns = [
    { header: 'Hợp tác xã', key: 'name', width: 40 },
    { header: 'Tình trạng', key: 'status', width: 16 },
    { header: 'Từ ngày', key: 'since', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Số ngày chờ', key: 'daysWaiting', width: 10 },
  ];
  stopped.getRow(1).font = { bold: true };
  for (const x of s.stopped)
    stopped.addRow({
      name: x.cooperative.name,
      status: STATUS_VI[x.status],
      since: x.since ? new Date(`${x.since}T00:00:00Z`) : null,
      daysWaiting: x.daysWaiting,
    });
  return wb;
}
