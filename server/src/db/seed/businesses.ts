import { checkDigit } from '../../modules/business/tax-code';
import type { Row } from './bulk';
import { phoneNumber, type Geography } from './cooperatives';
import {
  BUSINESS_ACTIVITIES,
  BUSINESS_NAME_WORDS,
  DEMO_BUSINESS_ACTIVITY,
  DEMO_BUSINESS_NAME,
  LEGAL_FORMS,
  OUT_OF_PROVINCE_PREFIXES,
  TRA_VINH_TAX_PREFIX,
} from './data/businesses';
import { FAMILY_NAMES, PERSON_NAMES, STREETS, slug } from './data/names';
import { addDays, officeTime, randomDate } from './dates';
import { Random } from './random';
import type { NameBook } from './cooperatives';

/** Companies per copy of the province: "about 60 businesses". */
export const BUSINESSES_PER_COPY = 60;
/** Companies still waiting for staff verification, per copy. */
export const UNVERIFIED_BUSINESSES_PER_COPY = 6;

export const BUSINESS_COLUMNS = {
  id: 'uuid',
  name: 'text',
  tax_code: 'text',
  kinds: 'text[]',
  area_code: 'text',
  address: 'text',
  contact_name: 'text',
  phone: 'text',
  email: 'text',
  website: 'text',
  description: 'text',
  verified_at: 'timestamptz',
  verified_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

export function personName(rng: Random): string {
  const names = rng.chance(0.5) ? PERSON_NAMES.male : PERSON_NAMES.female;
  return `${rng.pick(FAMILY_NAMES)} ${rng.pick(names.middle)} ${rng.pick(names.given)}`;
}

/** Hands out distinct, check-digit-valid tax codes. */
export class TaxCodes {
  private readonly used = new Set<string>();

  draw(rng: Random, prefix: string, branch?: number): string {
    for (;;) {
      const stem = prefix + String(rng.int(0, 9_999_999)).padStart(7, '0');
      const digit = checkDigit(stem);
      if (digit === null) continue;
      const code = stem + digit + (branch === undefined ? '' : String(branch).padStart(3, '0'));
      if (this.used.has(code)) continue;
      this.used.add(code);
      return code;
    }
  }
}

/**
 * One copy's companies. Most are registered in Trà Vinh; some are branches of
 * companies from Hồ Chí Minh City, Cần Thơ, Vĩnh Long or Bến Tre, which is why
 * they carry 13-digit codes. Only Trà Vinh's areas exist, so every company sits
 * on a Trà Vinh district or commune.
 */
export function generateBusinesses(args: {
  seed: number;
  replica: number;
  geo: Geography;
  names: NameBook;
  taxCodes: TaxCodes;
  staffId: string;
}): Row[] {
  const { seed, replica, geo, names, taxCodes, staffId } = args;
  const rng = Random.stream(seed, 'business', replica);
  const activities = BUSINESS_ACTIVITIES.flatMap((a) => Array.from({ length: a.weight }, () => a));
  const districts = [...geo.communes.keys()];
  const unverified = new Set(
    rng.shuffle(Array.from({ length: BUSINESSES_PER_COPY - 1 }, (_, i) => i + 1)).slice(0, UNVERIFIED_BUSINESSES_PER_COPY),
  );
  const rows: Row[] = [];

  for (let i = 0; i < BUSINESSES_PER_COPY; i++) {
    const demo = replica === 0 && i === 0;
    const activity = demo
      ? (BUSINESS_ACTIVITIES.find((a) => a.vi === DEMO_BUSINESS_ACTIVITY) as (typeof BUSINESS_ACTIVITIES)[number])
      : (activities[i % activities.length] ?? rng.pick(BUSINESS_ACTIVITIES));
    let name = DEMO_BUSINESS_NAME;
    let word = 'Trà Vinh';
    if (!demo) {
      const form = rng.pick(LEGAL_FORMS);
      word = rng.pick(BUSINESS_NAME_WORDS);
      for (let tries = 0; tries < 8 && names.has(`${form} ${activity.vi} ${word}`); tries++) word = rng.pick(BUSINESS_NAME_WORDS);
      name = `${form} ${activity.vi} ${word}`;
    }
    name = names.claim(name);
    const mailbox = `${slug(word)}.${slug(activity.vi)}${replica > 0 ? replica : ''}`;

    const branch = !demo && rng.chance(0.15);
    const taxCode = branch
      ? taxCodes.draw(rng, rng.pick(OUT_OF_PROVINCE_PREFIXES), rng.int(1, 12))
      : taxCodes.draw(rng, TRA_VINH_TAX_PREFIX);
    const district = demo ? '846' : rng.pick(districts);
    const communes = geo.communes.get(district) ?? [];
    const commune = rng.pick(communes);
    const onCommune = demo || rng.chance(0.7);
    const street = rng.pick(STREETS);

    const joinedOn = randomDate(rng, '2024-03-01', '2025-11-15');
    const verifiedAt = unverified.has(i) ? null : officeTime(rng, addDays(joinedOn, rng.int(1, 10)));
    const createdAt = officeTime(rng, joinedOn);
    rows.push({
      id: rng.uuid(),
      name,
      tax_code: taxCode,
      kinds: activity.kinds,
      area_code: onCommune ? commune.code : district,
      address: `Số ${rng.int(1, 420)} ${street}, ${commune.name}, ${geo.name(district)}, Tỉnh Trà Vinh`,
      contact_name: personName(rng),
      phone: phoneNumber(rng),
      email: `${mailbox}@demo.cooplink.vn`,
      website: null,
      description: branch ? `Chi nhánh tại Trà Vinh. ${activity.description}` : activity.description,
      verified_at: verifiedAt,
      verified_by: verifiedAt ? staffId : null,
      created_at: createdAt,
      updated_at: verifiedAt ?? createdAt,
    });
  }
  return rows;
}
