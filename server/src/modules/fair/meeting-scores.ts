import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { convertQuantity, needLike, offerAsCandidate, productCandidates, type ProductCandidate } from '../matching/candidates';
import { ageDays } from '../matching/matching.service';
import { scoreMatch, scorerFor, type NeedLike } from '../matching/score';
import { Need, NeedKind, NeedStatus } from '../need/need.entity';
import { affinityScore } from './affinity';
import { fairParticipants, type FairParticipant } from './fair-loaders';

/**
 * When a company has posted no open need that concerns a cooperative, the fit of what each
 * side is (a processor and a coconut cooperative) still suggests a meeting, but counts for less
 * than a need the company actually posted.
 */
export const UNPOSTED_FIT_WEIGHT = 0.8;

interface Prepared {
  need: Need;
  wanted: NeedLike;
  score: (c: ProductCandidate) => number | null;
}

/**
 * How promising a meeting between two accepted participants of a fair is, in [0, 1], for the
 * scheduler's objective and for suggested partners. It is the platform's match score (divided by
 * 100): the best score any product the cooperative shows gets against an open offtake need of the
 * company, or any input offer of the company gets against an open input need of the cooperative.
 * Only where the company posted nothing that concerns the cooperative does the fit of their kinds
 * stand in, weighted by UNPOSTED_FIT_WEIGHT. Two participants on the same side get the low fixed
 * score of `affinityScore`.
 */
export async function meetingScores(
  em: EntityManager,
  fairId: string,
): Promise<{ participants: Map<string, FairParticipant>; score: (a: string, b: string) => Promise<number> }> {
  const people = await fairParticipants(em, fairId);
  const coopIds = [...new Set([...people.values()].map((p) => p.cooperativeId).filter((id): id is string => !!id))];
  const businessIds = [...new Set([...people.values()].map((p) => p.businessId).filter((id): id is string => !!id))];

  const products = coopIds.length
    ? await productCandidates(
        em,
        { categoryCode: '', unit: '', requiredCertifications: [], minOcopStars: null },
        { cooperativeIds: coopIds, anyCategory: true },
      )
    : [];
  const productsOf = new Map<string, ProductCandidate[]>();
  for (const p of products) append(productsOf, p.cooperativeId, p);

  const needs = await em.getRepository(Need).find({
    where: [
      ...(businessIds.length ? [{ businessId: In(businessIds), status: NeedStatus.OPEN }] : []),
      ...(coopIds.length ? [{ cooperativeId: In(coopIds), status: NeedStatus.OPEN, kind: NeedKind.INPUT_DEMAND }] : []),
    ],
    order: { id: 'ASC' },
  });
  const offtake = new Map<string, Prepared[]>();
  const offers = new Map<string, Need[]>();
  const demands = new Map<string, NeedLike & { need: Need }>();
  for (const need of needs) {
    if (need.kind === NeedKind.OFFTAKE && need.businessId) {
      const wanted = await needLike(em, need);
      append(offtake, need.businessId, { need, wanted, score: scorerFor(wanted) });
    } else if (need.kind === NeedKind.INPUT_SUPPLY && need.businessId) append(offers, need.businessId, need);
    else if (need.kind === NeedKind.INPUT_DEMAND) demands.set(need.id, { ...(await needLike(em, need)), need });
  }

  const memo = new Map<string, number>();
  return { participants: people, score };

  async function score(a: string, b: string): Promise<number> {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const pa = people.get(a);
    const pb = people.get(b);
    let value = 0;
    if (pa && pb) {
      const coop = pa.cooperativeId ? pa : pb;
      const biz = pa.cooperativeId ? pb : pa;
      const best = coop.cooperativeId && biz.businessId ? await bestMatch(coop, biz) : null;
      value =
        best !== null ? Math.round(best * 10) / 1000 : Math.round(UNPOSTED_FIT_WEIGHT * affinityScore(pa.party, pb.party) * 1000) / 1000;
    }
    memo.set(key, value);
    return value;
  }

  /** The best match score (0–100) between what the company posted and what the cooperative shows or needs; null when nothing relates them. */
  async function bestMatch(coop: FairParticipant, biz: FairParticipant): Promise<number | null> {
    let best: number | null = null;
    const shown = (productsOf.get(coop.cooperativeId!) ?? []).filter(
      (p) => !coop.productIds.length || coop.productIds.includes(p.productId),
    );
    for (const { need, score } of offtake.get(biz.businessId!) ?? [])
      for (const p of shown) {
        const s = score({ ...p, capacityPerMonth: convertQuantity(p.rawCapacity, p.unit, need.unit) });
        if (s !== null && (best === null || s > best)) best = s;
      }
    for (const offer of offers.get(biz.businessId!) ?? [])
      for (const demand of demands.values()) {
        if (demand.need.cooperativeId !== coop.cooperativeId) continue;
        const s = scoreMatch(demand, await offerAsCandidate(em, offer, demand.need, biz.party.verified, ageDays(offer)));
        if (s && (best === null || s.score > best)) best = s.score;
      }
    return best;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
