import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { forbidden, notFound } from '../../common/errors';
import { isCooperativeMember, isStaffCovering } from '../../common/ownership';
import { toConnection, type Page } from '../../common/pagination';
import { Need, NeedKind, NeedStatus } from '../need/need.entity';
import {
  boundedProductCandidates,
  convertQuantity,
  needLike,
  offerAsCandidate,
  productCandidates,
  type ProductCandidate,
} from './candidates';
import type { Match } from './matching.types';
import { topByBound } from './prune';
import { compareMatches, scoreMatch } from './score';

/** Candidates read per round trip when ranking an offtake need; the same for every page size up to 100. */
const MATCH_BATCH = 200;

type Ranked = Match & { key: string };

/** Wraps the pure score: loads candidates through the SQL pre-filter, scores, ranks. */
export class MatchingService {
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
   * orders them, reading candidates best score bound first and stopping once no
   * unread product can reach the top `k`; `total` counts every candidate.
   */
  async topForOfftake(em: EntityManager, need: Need, k: number): Promise<{ total: number; top: Ranked[] }> {
    const wanted = await needLike(em, need);
    const read = await boundedProductCandidates(em, need, wanted);
    let total = 0;
    const top = await topByBound(
      k,
      Math.max(MATCH_BATCH, 2 * k),
      async (offset, size) => {
        const batch = await read(offset, size);
        if (offset === 0) total = batch.total;
        return batch.rows;
      },
      (c: ProductCandidate): Ranked | null => {
        const s = scoreMatch(wanted, c);
        return s && { ...s, productId: c.productId, cooperativeId: c.cooperativeId, needId: null, key: c.productId };
      },
    );
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
      { cooperativeId, anyCategory: true },
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

function ageDays(need: Need): number {
  return Math.max(0, Math.floor((Date.now() - need.updatedAt.getTime()) / 86_400_000));
}
