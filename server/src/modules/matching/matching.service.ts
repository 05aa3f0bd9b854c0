import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { toConnection, type Page } from '../../common/pagination';
import { Need, NeedKind, NeedStatus } from '../need/need.entity';
import { convertQuantity, needLike, offerAsCandidate, productCandidates, type ProductCandidate } from './candidates';
import type { Match } from './matching.types';
import { ProfileIndex } from './profile-index';
import { categoryCeiling, compareMatches, meetsHardRequirements, scoreMatch, scorerFor } from './score';

type Ranked = Match & { key: string };

/** Wraps the pure score: loads candidates through the SQL pre-filter, scores, ranks. */
export class MatchingService {
  /** This server's copy of the product profiles it ranks offtake needs over. */
  readonly profiles = new ProfileIndex();

  /** Ranked counterparts of a need, for the organisation that posted it and staff. */
  async needMatches(ctx: RequestContext, needId: string, page: Page) {
    const need = await ctx.em.getRepository(Need).findOneBy({ id: needId });
    if (!need) throw notFound('Need');
    if (!(await ctx.services.needs.canEdit(ctx, need))) throw forbidden('Only the organisation that posted this need sees its matches.');
    if (need.kind === NeedKind.OFFTAKE) {
      const { total, top } = await this.topForOfftake(ctx.em, need, page.offset + page.limit);
      return toConnection(top.slice(page.offset), page, total);
    }
    const ranked = await this.rankForNeed(ctx.em, need);
    return toConnection(ranked.slice(page.offset, page.offset + page.limit), page, ranked.length);
  }

  /**
   * The first `k` products of an offtake need's ranking, exactly as `rankForNeed`
   * orders them, from the in-memory profiles. Categories are taken best
   * ceiling first (the wanted category, then its nearest relatives); products
   * are scored with the core's points alone, and once `k` scores are above a
   * category's ceiling, that category and every later one are only counted.
   * Only the `k` kept are explained factor by factor. `total` counts every
   * admissible candidate. Inside a transaction the profiles are as of their
   * last look (see `ProfileIndex.current`).
   */
  async topForOfftake(em: EntityManager, need: Need, k: number): Promise<{ total: number; top: Ranked[] }> {
    const wanted = await needLike(em, need);
    await this.profiles.current(em);
    const score = scorerFor(wanted);
    const groups = [...this.profiles.candidates(rootCategory(need.categoryCode), need.unit)]
      .map(([code, candidates]) => ({ ceiling: categoryCeiling(wanted, code) ?? -1, candidates }))
      .sort((a, b) => b.ceiling - a.ceiling);
    const requirements = wanted.requiredCertifications.length > 0 || wanted.minOcopStars !== null;
    const best = new KthBest(k);
    const kept: { score: number; key: string; candidate: ProductCandidate }[] = [];
    let total = 0;
    for (const { ceiling, candidates } of groups) {
      if (best.above(ceiling)) {
        if (!requirements) total += candidates.length;
        else for (const c of candidates) if (meetsHardRequirements(wanted, c)) total++;
        continue;
      }
      for (const candidate of candidates) {
        const s = score(candidate);
        if (s === null) continue;
        total++;
        // A score below the k-th best so far can never reach the page; only the rest are kept for the final order.
        if (!best.admits(s)) continue;
        best.offer(s);
        kept.push({ score: s, key: candidate.productId, candidate });
      }
    }
    const floor = best.floor();
    const top = kept
      .filter((r) => r.score >= floor)
      .sort(compareMatches)
      .slice(0, k)
      .map(({ candidate: c }): Ranked => {
        const s = scoreMatch(wanted, c)!;
        return { ...s, productId: c.productId, cooperativeId: c.cooperativeId, needId: null, key: c.productId };
      });
    return { total, top };
  }

  /** Open needs ranked for a cooperative's products and its own input needs: its inbox. */
  async cooperativeMatches(ctx: RequestContext, cooperativeId: string, page: Page) {
    const coop = await ctx.loaders.cooperative.load(cooperativeId);
    if (!coop) throw notFound('Cooperative');
    if (!(await isStaffCovering(ctx, { cooperativeId })) && !(await isCooperativeMember(ctx, cooperativeId)))
      throw forbidden('You are not a member of this cooperative.');
    const ranked = await this.rankForCooperative(ctx.em, cooperativeId);
    return toConnection(ranked.slice(page.offset, page.offset + page.limit), page, ranked.length);
  }

  /** Every admissible counterpart of a need, best first; ties break on ids so the order never changes. */
  async rankForNeed(em: EntityManager, need: Need): Promise<Ranked[]> {
    const wanted = await needLike(em, need);
    const out: Ranked[] = [];
    if (need.kind === NeedKind.OFFTAKE) {
      for (const c of await productCandidates(em, need)) {
        const s = scoreMatch(wanted, c);
        if (s) out.push({ ...s, productId: c.productId, cooperativeId: c.cooperativeId, needId: null, key: c.productId });
      }
    } else if (need.kind === NeedKind.INPUT_SUPPLY) {
      const verified = await this.businessVerified(em, need.businessId);
      for (const demand of await this.openNeeds(em, NeedKind.INPUT_DEMAND, need.categoryCode)) {
        const s = scoreMatch(await needLike(em, demand), await offerAsCandidate(em, need, demand, verified, ageDays(need)));
        if (s) out.push({ ...s, productId: null, cooperativeId: demand.cooperativeId, needId: demand.id, key: demand.id });
      }
    } else {
      for (const offer of await this.openNeeds(em, NeedKind.INPUT_SUPPLY, need.categoryCode)) {
        const verified = await this.businessVerified(em, offer.businessId);
        const s = scoreMatch(wanted, await offerAsCandidate(em, offer, need, verified, ageDays(offer)));
        if (s) out.push({ ...s, productId: null, cooperativeId: null, needId: offer.id, key: offer.id });
      }
    }
    return out.sort(compareMatches);
  }

  async rankForCooperative(em: EntityManager, cooperativeId: string): Promise<Ranked[]> {
    const best = new Map<string, Ranked>();
    const keep = (r: Ranked) => {
      const prev = best.get(r.key);
      if (!prev || compareMatches(r, prev) < 0) best.set(r.key, r);
    };
    // Offtake needs against the cooperative's published products; the core applies each need's hard requirements.
    const products = await productCandidates(
      em,
      { categoryCode: '', unit: '', requiredCertifications: [], minOcopStars: null },
      { cooperativeIds: [cooperativeId], anyCategory: true },
    );
    const roots = [...new Set(products.map((p) => p.categoryCode.split('.')[0]!))];
    if (roots.length) {
      const needs = await em
        .getRepository(Need)
        .createQueryBuilder('n')
        .where(`n.status = 'OPEN' AND n.kind = 'OFFTAKE' AND split_part(n.category_code, '.', 1) = ANY(:roots)`, { roots })
        .getMany();
      for (const need of needs) {
        const wanted = await needLike(em, need);
        for (const p of products) {
          const c = { ...p, capacityPerMonth: convertQuantity(p.rawCapacity, p.unit, need.unit) };
          const s = scoreMatch(wanted, c);
          if (s) keep({ ...s, productId: p.productId, cooperativeId, needId: need.id, key: need.id });
        }
      }
    }
    // Input offers against the cooperative's own open input needs.
    const demands = await em.getRepository(Need).findBy({ cooperativeId, status: NeedStatus.OPEN, kind: NeedKind.INPUT_DEMAND });
    for (const demand of demands) {
      const wanted = await needLike(em, demand);
      for (const offer of await this.openNeeds(em, NeedKind.INPUT_SUPPLY, demand.categoryCode)) {
        const verified = await this.businessVerified(em, offer.businessId);
        const s = scoreMatch(wanted, await offerAsCandidate(em, offer, demand, verified, ageDays(offer)));
        if (s) keep({ ...s, productId: null, cooperativeId, needId: offer.id, key: offer.id });
      }
    }
    return [...best.values()].sort(compareMatches);
  }

  private openNeeds(em: EntityManager, kind: NeedKind, categoryCode: string): Promise<Need[]> {
    return em
      .getRepository(Need)
      .createQueryBuilder('n')
      .where(`n.status = 'OPEN' AND n.kind = :kind AND split_part(n.category_code, '.', 1) = :root`, {
        kind,
        root: categoryCode.split('.')[0],
      })
      .orderBy('n.id')
      .getMany();
  }

  private async businessVerified(em: EntityManager, businessId: string | null): Promise<boolean> {
    if (!businessId) return false;
    const rows: { v: boolean }[] = await em.query(`SELECT verified_at IS NOT NULL AS v FROM business WHERE id = $1`, [businessId]);
    return rows[0]?.v ?? false;
  }
}

export function ageDays(need: Need): number {
  return Math.max(0, Math.floor((Date.now() - need.updatedAt.getTime()) / 86_400_000));
}

function rootCategory(code: string): string {
  return code.split('.')[0]!;
}

/** The k-th best of the scores offered so far, kept in a small min-heap. */
class KthBest {
  private readonly heap: number[] = [];
  constructor(private readonly k: number) {}

  offer(score: number): void {
    const h = this.heap;
    if (this.k <= 0) return;
    if (h.length < this.k) {
      h.push(score);
      for (let i = h.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (h[parent]! <= h[i]!) break;
        [h[parent], h[i]] = [h[i]!, h[parent]!];
        i = parent;
      }
    } else if (score > h[0]!) {
      h[0] = score;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]! < h[m]!) m = l;
        if (r < h.length && h[r]! < h[m]!) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
  }

  /** The k-th best score offered, or -Infinity while fewer than k were. */
  floor(): number {
    return this.heap.length === this.k && this.k > 0 ? this.heap[0]! : -Infinity;
  }

  /** False when k scores are held and every one is above `score`. */
  admits(score: number): boolean {
    return this.heap.length < this.k || score >= this.heap[0]!;
  }

  /** True when k scores are held and every one is strictly above `ceiling`, so nothing scoring at most that can enter. */
  above(ceiling: number): boolean {
    return this.k > 0 ? this.heap.length === this.k && this.heap[0]! > ceiling : true;
  }
}
