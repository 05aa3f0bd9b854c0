import { DISTRICTS, sectorOf, type Sector, type Subsector } from './data/districts';
import { FEATURED_COOPERATIVES, type FeaturedCooperative } from './data/featured';
import { Random } from './random';

/**
 * The province as directive 753-CV/TU found it in 2019. At scale 1 the demo
 * reproduces these counts exactly; every further copy of the province repeats
 * them, so shares hold at any scale. "Weak or stopped" counts a cooperative
 * rated WEAK for 2019 or one whose status is not OPERATING.
 */
export const DIRECTIVE_2019 = {
  year: 2019,
  cooperatives: 180,
  agriculture: 123,
  nonAgriculture: 57,
  /** good + fair = 61 of 180 = 33.8 %. */
  good: 19,
  fair: 42,
  /** weak and operating + not operating = 38 + 16 = 54 of 180 = 30.0 %, "over 29.6 %" (53 would be 29.4 %). */
  weakOperating: 38,
  suspended: 12,
  dissolving: 2,
  dissolved: 2,
  /** Founded during 2019, so under 12 months old at the year's end and not rated. */
  unrated: 4,
  pilots: 13,
  models: 5,
  /** Cooperatives still waiting in the staff verification queue. */
  unverified: 10,
} as const;

export const RATING_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
/** Points an operating cooperative gains on average per year after 2019, so later years trend better. */
export const YEARLY_SCORE_GAIN = 0.7;

export type Status = 'OPERATING' | 'SUSPENDED' | 'DISSOLVING' | 'DISSOLVED';
export type RatingClass = 'GOOD' | 'FAIR' | 'AVERAGE' | 'WEAK' | 'UNRATED';

/** Circular 01/2020/TT-BKHĐT: good ≥ 80, fair 65–<80, average 50–<65, weak < 50. */
export function ratingClassFor(score: number): Exclude<RatingClass, 'UNRATED'> {
  if (score >= 80) return 'GOOD';
  if (score >= 65) return 'FAIR';
  if (score >= 50) return 'AVERAGE';
  return 'WEAK';
}

/** One cooperative's place in the province: where, what, and how it fared. */
export interface Slot {
  index: number;
  district: string;
  sector: Sector;
  subsector: Subsector;
  featured?: FeaturedCooperative;
  pilot: boolean;
  model: boolean;
  status: Status;
  /** Year the status last changed; only meaningful when not operating. */
  statusSince: number;
  /** Founded during 2019 and so unrated that year. */
  youngIn2019: boolean;
  class2019: RatingClass;
  verified: boolean;
}

/**
 * Lays out the 180 cooperatives and decides, once per seed, which are pilots,
 * models, stopped, young, unverified, and how each was rated in 2019.
 */
export function planProvince(seed: number): Slot[] {
  const rng = Random.stream(seed, 'plan');
  const slots: Slot[] = [];
  for (const d of DISTRICTS) {
    for (const [subsector, n] of [...Object.entries(d.agriculture), ...Object.entries(d.nonAgriculture)] as [Subsector, number][]) {
      for (let i = 0; i < n; i++) {
        slots.push({
          index: slots.length,
          district: d.code,
          sector: sectorOf(subsector),
          subsector,
          pilot: false,
          model: false,
          status: 'OPERATING',
          statusSince: 0,
          youngIn2019: false,
          class2019: 'AVERAGE',
          verified: true,
        });
      }
    }
  }
  const agri = slots.filter((s) => s.sector === 'AGRICULTURE').length;
  if (slots.length !== DIRECTIVE_2019.cooperatives || agri !== DIRECTIVE_2019.agriculture) {
    throw new Error(`district table gives ${slots.length} cooperatives (${agri} agricultural), expected 180 (123)`);
  }

  for (const f of FEATURED_COOPERATIVES) {
    const slot = slots.find((s) => !s.featured && s.district === f.district && s.subsector === f.subsector);
    if (!slot) throw new Error(`no ${f.subsector} place in district ${f.district} for ${f.name}`);
    Object.assign(slot, { featured: f, pilot: f.pilot, model: f.model });
  }

  const free = (s: Slot) => !s.featured && !s.pilot && !s.model && s.status === 'OPERATING' && !s.youngIn2019;
  const take = (n: number, pool: Slot[], apply: (s: Slot) => void) => {
    const chosen = rng.shuffle(pool).slice(0, n);
    if (chosen.length < n) throw new Error(`plan needs ${n} cooperatives, found ${chosen.length}`);
    chosen.forEach(apply);
  };

  // Decision 445 pilots were rice, seafood and fruit; top up after the named ones, seafood first.
  const pilotGap = DIRECTIVE_2019.pilots - slots.filter((s) => s.pilot).length;
  const seafood = Math.min(3, pilotGap);
  take(
    seafood,
    slots.filter((s) => free(s) && s.subsector === 'AQUACULTURE'),
    (s) => (s.pilot = true),
  );
  take(
    pilotGap - seafood,
    slots.filter((s) => free(s) && (s.subsector === 'FRUIT' || s.subsector === 'COCONUT')),
    (s) => (s.pilot = true),
  );
  take(DIRECTIVE_2019.models - slots.filter((s) => s.model).length, slots.filter(free), (s) => (s.model = true));

  const stopped: Array<[Status, number, readonly [number, number]]> = [
    ['SUSPENDED', DIRECTIVE_2019.suspended, [2020, 2024]],
    ['DISSOLVING', DIRECTIVE_2019.dissolving, [2024, 2025]],
    ['DISSOLVED', DIRECTIVE_2019.dissolved, [2021, 2023]],
  ];
  for (const [status, n, [from, to]] of stopped) {
    take(n, slots.filter(free), (s) => Object.assign(s, { status, statusSince: rng.int(from, to) }));
  }
  take(DIRECTIVE_2019.unrated, slots.filter(free), (s) => Object.assign(s, { youngIn2019: true, class2019: 'UNRATED' }));

  // Models lead, pilots and named cooperatives follow; the rest of the good and fair quota goes at random.
  let good: number = DIRECTIVE_2019.good;
  let fair: number = DIRECTIVE_2019.fair;
  const grade = (s: Slot, preferGood: boolean) => {
    if ((preferGood && good > 0) || fair === 0) {
      s.class2019 = 'GOOD';
      good--;
    } else {
      s.class2019 = 'FAIR';
      fair--;
    }
  };
  slots.filter((s) => s.model).forEach((s) => grade(s, true));
  slots.filter((s) => !s.model && (s.pilot || s.featured)).forEach((s) => grade(s, rng.chance(0.4)));
  const rest = rng.shuffle(slots.filter(free));
  for (const s of rest.splice(0, good + fair)) grade(s, rng.chance(good / Math.max(1, good + fair)));
  for (const s of rest.splice(0, DIRECTIVE_2019.weakOperating)) s.class2019 = 'WEAK';
  for (const s of slots) if (s.status !== 'OPERATING') s.class2019 = rng.chance(0.6) ? 'WEAK' : 'AVERAGE';

  take(
    DIRECTIVE_2019.unverified,
    slots.filter((s) => !s.featured && !s.pilot && !s.model && s.status === 'OPERATING'),
    (s) => (s.verified = false),
  );
  return slots;
}

export interface RatingRow {
  year: number;
  score: number | null;
  ratingClass: RatingClass;
}

/**
 * A cooperative's yearly ratings. 2019 sits inside its planned class; later
 * years drift upward for operating cooperatives and downward for those that
 * stop. A cooperative is no longer rated after the year it stopped operating.
 */
export function ratingHistory(slot: Slot, rng: Random): RatingRow[] {
  const bands: Record<Exclude<RatingClass, 'UNRATED'>, readonly [number, number]> = {
    GOOD: [80, 95],
    FAIR: [65, 79.5],
    AVERAGE: [50, 64.5],
    WEAK: [30, 49.5],
  };
  const half = (x: number) => Math.round(x * 2) / 2;
  const rows: RatingRow[] = [];
  let score = slot.class2019 === 'UNRATED' ? half(rng.float(52, 72)) : half(rng.float(...bands[slot.class2019]));
  const gain = slot.status !== 'OPERATING' ? -3 : slot.model || slot.pilot ? YEARLY_SCORE_GAIN + 1.2 : YEARLY_SCORE_GAIN;
  for (const year of RATING_YEARS) {
    if (slot.status !== 'OPERATING' && year > slot.statusSince) break;
    if (year === 2019) {
      rows.push(
        slot.class2019 === 'UNRATED' ? { year, score: null, ratingClass: 'UNRATED' } : { year, score, ratingClass: slot.class2019 },
      );
      continue;
    }
    score = Math.min(98, Math.max(15, half(score + gain + rng.normal(0, 2.5))));
    rows.push({ year, score, ratingClass: ratingClassFor(score) });
  }
  return rows;
}
