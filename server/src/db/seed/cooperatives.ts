import { DISTRICTS, LAT_RANGE, LNG_RANGE } from './data/districts';
import { AUSPICIOUS_WORDS, COOPERATIVE_PREFIXES, HAMLETS, SUBSECTOR_ACTIVITY, shortAreaName, slug } from './data/names';
import { addDays, officeTime, randomDate } from './dates';
import { ratingHistory, type Slot } from './plan';
import { Random } from './random';
import type { AreaEntry, AreaFile } from './reference-data';
import type { Row } from './bulk';

export const COOPERATIVE_COLUMNS = {
  id: 'uuid',
  name: 'text',
  registration_number: 'text',
  sector: 'text',
  subsector: 'text',
  area_code: 'text',
  address: 'text',
  latitude: 'float8',
  longitude: 'float8',
  member_count: 'integer',
  charter_capital: 'bigint',
  established_on: 'date',
  status: 'text',
  is_pilot: 'boolean',
  is_model: 'boolean',
  description: 'text',
  phone: 'text',
  email: 'text',
  verified_at: 'timestamptz',
  verified_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

export const RATING_COLUMNS = {
  id: 'uuid',
  cooperative_id: 'uuid',
  year: 'smallint',
  score: 'numeric',
  rating_class: 'text',
  recorded_by: 'uuid',
  recorded_at: 'timestamptz',
} as const;

export const AUDIT_COLUMNS = {
  actor_id: 'uuid',
  action: 'text',
  entity: 'text',
  entity_id: 'text',
  data: 'jsonb',
  at: 'timestamptz',
} as const;

/** What the catalogue generator needs to know about a cooperative it stocks. */
export interface CooperativeContext {
  id: string;
  slot: Slot;
  /** Featured only in the first copy of the province. */
  featured: boolean;
  /** The distinctive part of its name, reused for brands. */
  placeWord: string;
  /** Onboarding day on the platform, 'YYYY-MM-DD'. */
  joinedOn: string;
  establishedYear: number;
}

export interface GeneratedCooperatives {
  cooperatives: Row[];
  ratings: Row[];
  audit: Row[];
  contexts: CooperativeContext[];
}

/** Communes by district, and names by code, from the area file. */
export class Geography {
  readonly communes = new Map<string, AreaEntry[]>();
  readonly names = new Map<string, string>();

  constructor(file: AreaFile) {
    for (const a of [file.province, ...file.districts, ...file.communes]) this.names.set(a.code, a.name);
    for (const c of file.communes) {
      const list = this.communes.get(c.parent ?? '') ?? [];
      list.push(c);
      this.communes.set(c.parent ?? '', list);
    }
  }

  name(code: string): string {
    return this.names.get(code) ?? code;
  }

  /** A commune's fixed spot near its district's centre; the same for every seed. */
  communeCentre(commune: string, district: string): [number, number] {
    const centre = DISTRICTS.find((d) => d.code === district)?.centre ?? [9.93, 106.34];
    const r = Random.stream(0, 'commune', commune);
    return [centre[0] + r.float(-0.035, 0.035), centre[1] + r.float(-0.04, 0.04)];
  }
}

/**
 * Names never repeat within a run: a second "HTX Nông nghiệp Tân Tiến" becomes
 * "… Tân Tiến 2", as registries tell namesakes apart.
 */
export class NameBook {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  claim(base: string): string {
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    let n = this.next.get(base) ?? 2;
    while (this.used.has(`${base} ${n}`)) n++;
    this.next.set(base, n + 1);
    const name = `${base} ${n}`;
    this.used.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.used.has(name);
  }
}

/** Most of today's cooperatives were founded or re-registered after the 2012 law. */
const FOUNDING_YEARS: ReadonlyArray<readonly [number, number]> = [
  [1997, 1],
  [1999, 1],
  [2001, 1],
  [2003, 1],
  [2005, 1],
  [2007, 1],
  [2009, 1],
  [2010, 1],
  [2011, 1],
  [2012, 2],
  [2013, 2],
  [2014, 3],
  [2015, 3],
  [2016, 3],
  [2017, 3],
  [2018, 3],
];

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * One copy of the province's 180 cooperatives with their rating history. Copy 0
 * holds the named cooperatives; later copies fill the same plan with generated
 * ones so that every share in the plan holds at any scale.
 */
export function generateCooperatives(args: {
  seed: number;
  replica: number;
  slots: readonly Slot[];
  geo: Geography;
  names: NameBook;
  staffId: string;
}): GeneratedCooperatives {
  const { seed, replica, slots, geo, names, staffId } = args;
  const out: GeneratedCooperatives = { cooperatives: [], ratings: [], audit: [], contexts: [] };
  // Named cooperatives keep their real names even if a generated one would have drawn the same.
  const reserved = new Map(
    replica === 0 ? slots.flatMap((s) => (s.featured ? [[s.index, names.claim(s.featured.name)] as const] : [])) : [],
  );
  for (const slot of slots) {
    const rng = Random.stream(seed, 'cooperative', replica, slot.index);
    const featured = replica === 0 ? slot.featured : undefined;
    const communes = geo.communes.get(slot.district) ?? [];
    const commune = featured ? featured.commune : rng.pick(communes).code;
    const communeName = geo.name(commune);
    const isWard = /^Phường/u.test(communeName);
    const placeWord = featured
      ? featured.name.replace(/^HTX\s+(NN|DV NN|Dừa hữu cơ|Dừa sáp|Cây ăn trái|Trái cây|Bánh tét)\s+/u, '')
      : !isWard && rng.chance(0.55)
        ? shortAreaName(communeName)
        : rng.pick(AUSPICIOUS_WORDS);
    const name = reserved.get(slot.index) ?? names.claim(`${rng.pick(COOPERATIVE_PREFIXES[slot.subsector])} ${placeWord}`);

    // Founded by the end of 2018 means rated for 2019; the young ones are the plan's unrated few.
    const foundingYear = featured?.establishedYear ?? rng.weighted(FOUNDING_YEARS);
    const establishedOn = slot.youngIn2019
      ? randomDate(rng, '2019-01-02', '2019-08-31')
      : randomDate(rng, `${foundingYear}-01-02`, `${foundingYear}-12-28`);
    const establishedYear = Number(establishedOn.slice(0, 4));

    const members =
      featured?.members ??
      (slot.sector === 'AGRICULTURE' ? Math.round(clamp(Math.exp(rng.normal(Math.log(35), 0.55)), [7, 300])) : rng.int(5, 45));
    const capital = featured?.charterCapital ?? Math.max(50, Math.round((members * rng.int(5, 40)) / 10) * 10) * 1_000_000;

    const [clat, clng] = geo.communeCentre(commune, slot.district);
    const joinedOn = slot.verified ? randomDate(rng, '2024-03-01', '2025-09-30') : randomDate(rng, '2025-10-01', '2025-11-20');
    const createdAt = officeTime(rng, joinedOn);
    const verifiedAt = slot.verified ? officeTime(rng, addDays(joinedOn, rng.int(1, 21))) : null;
    const id = rng.uuid();

    const [activityVi] = SUBSECTOR_ACTIVITY[slot.subsector];
    const notes = [
      `${activityVi} tại ${communeName}, ${geo.name(slot.district)}.`,
      featured?.riceUnion ? 'Thành viên Liên hiệp HTX lúa gạo Trà Vinh.' : '',
      slot.pilot ? 'HTX thí điểm mô hình mới theo Quyết định 445/QĐ-TTg.' : '',
      slot.model ? 'HTX điển hình được nhân rộng.' : '',
      slot.status === 'SUSPENDED' ? `Tạm ngừng hoạt động từ năm ${slot.statusSince}.` : '',
      slot.status === 'DISSOLVING' ? `Đang làm thủ tục giải thể từ năm ${slot.statusSince}.` : '',
      slot.status === 'DISSOLVED' ? `Đã giải thể năm ${slot.statusSince}.` : '',
    ];

    out.cooperatives.push({
      id,
      name,
      registration_number: `HTX-${slot.district}-${String(replica * slots.length + slot.index + 1).padStart(6, '0')}`,
      sector: slot.sector,
      subsector: slot.subsector,
      area_code: commune,
      address: `Ấp ${rng.pick(HAMLETS)}, ${communeName}, ${geo.name(slot.district)}, Tỉnh Trà Vinh`,
      latitude: round6(clamp(clat + rng.float(-0.006, 0.006), LAT_RANGE)),
      longitude: round6(clamp(clng + rng.float(-0.006, 0.006), LNG_RANGE)),
      member_count: members,
      charter_capital: capital,
      established_on: establishedOn,
      status: slot.status,
      is_pilot: slot.pilot,
      is_model: slot.model,
      description: notes.filter(Boolean).join(' '),
      phone: rng.chance(0.85) ? phoneNumber(rng) : null,
      email: rng.chance(0.35) ? `htx.${slug(placeWord)}${replica > 0 ? replica : ''}@demo.cooplink.vn` : null,
      verified_at: verifiedAt,
      verified_by: verifiedAt ? staffId : null,
      created_at: createdAt,
      updated_at: verifiedAt ?? createdAt,
    });

    for (const r of ratingHistory(slot, rng)) {
      const recordedOn =
        r.year === 2025 ? randomDate(rng, '2025-11-01', '2025-11-20') : randomDate(rng, `${r.year}-12-01`, `${r.year}-12-20`);
      out.ratings.push({
        id: rng.uuid(),
        cooperative_id: id,
        year: r.year,
        score: r.score,
        rating_class: r.ratingClass,
        recorded_by: staffId,
        recorded_at: officeTime(rng, recordedOn),
      });
    }

    // Status changes come from the provincial registry, so they predate the platform record.
    const changes: Array<[string, string]> =
      slot.status === 'OPERATING'
        ? []
        : slot.status === 'DISSOLVED'
          ? [
              ['OPERATING', 'DISSOLVING'],
              ['DISSOLVING', 'DISSOLVED'],
            ]
          : [['OPERATING', slot.status]];
    let changedOn = changes.length > 0 ? randomDate(rng, `${slot.statusSince}-02-01`, `${slot.statusSince}-06-30`) : '';
    for (const [from, to] of changes) {
      out.audit.push({
        actor_id: staffId,
        action: 'cooperative.status_changed',
        entity: 'cooperative',
        entity_id: id,
        data: { from, to },
        at: officeTime(rng, changedOn),
      });
      changedOn = addDays(changedOn, rng.int(60, 150));
    }

    out.contexts.push({ id, slot, featured: !!featured, placeWord, joinedOn, establishedYear });
  }
  return out;
}

/** A Trà Vinh landline (area code 0294) or a mobile number. */
export function phoneNumber(rng: Random): string {
  if (rng.chance(0.3)) return `02943${rng.int(100000, 999999)}`;
  return `${rng.pick(['09', '03', '08', '07'])}${rng.int(10000000, 99999999)}`;
}
