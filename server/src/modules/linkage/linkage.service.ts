import type { RequestContext } from '../../common/context';
import { hasRole, inTransaction, isStaff } from '../../common/context';
import { DuplicateError, InvalidTransitionError, badInput, constraintName, forbidden, notFound, sqlState } from '../../common/errors';
import { isCooperativeMember } from '../../common/ownership';
import { toConnection, type Page } from '../../common/pagination';
import { Need, NeedKind, NeedStatus } from '../need/need.entity';
import { NotificationKind } from '../notification/notification.entity';
import { assertCanSee, assertParty, isNeedOwner, ownerOrgOf, responderCooperatives, sidesOf, type Sides } from './linkage.access';
import { Delivery, Linkage, LinkageMessage, LinkageSide, LinkageStatus } from './linkage.entity';
import type {
  AgreeLinkageInput,
  MoveLinkageInput,
  PostLinkageMessageInput,
  ProposeLinkageInput,
  RecordDeliveryInput,
} from './linkage.inputs';
import { MAX_AGREEMENT_TOTAL, agreementTotal, checkStep, deliveryDateAllowed } from './linkage.rules';
import { NeedNotOpenError, SharesExceedQuantityError } from './linkage.types';

export class LinkageService {
  async get(ctx: RequestContext, id: string): Promise<Linkage> {
    const sides = await sidesOf(ctx, id);
    await assertCanSee(ctx, sides);
    return sides.linkage;
  }

  /**
   * Linkages of the caller's organisations, most recently moved first. Staff
   * see every linkage; an officer scoped to an area, those with a side in it.
   */
  async list(ctx: RequestContext, status: LinkageStatus | null | undefined, page: Page) {
    const staff = isStaff(ctx);
    const scope = ctx.user!.scopeAreaCode;
    const scopeCodes = staff && scope ? await ctx.services.areas.descendantCodes(ctx, scope) : null;
    const params: unknown[] = [ctx.user!.id, status ?? null, staff, scopeCodes];
    const where = `(($3 AND ($4::text[] IS NULL
          OR (SELECT area_code FROM cooperative WHERE id = l.cooperative_id) = ANY($4::text[])
          OR (SELECT area_code FROM business WHERE id = n.business_id) = ANY($4::text[])
          OR (SELECT area_code FROM cooperative WHERE id = n.cooperative_id) = ANY($4::text[])))
        OR l.cooperative_id IN (SELECT cooperative_id FROM membership WHERE user_id = $1)
        OR l.id IN (SELECT s.linkage_id FROM linkage_share s JOIN membership m ON m.cooperative_id = s.cooperative_id WHERE m.user_id = $1)
        OR n.business_id IN (SELECT business_id FROM membership WHERE user_id = $1)
        OR l.counterpart_business_id IN (SELECT business_id FROM membership WHERE user_id = $1)
        OR l.counterpart_cooperative_id IN (SELECT cooperative_id FROM membership WHERE user_id = $1))
      AND ($2::text IS NULL OR l.status = $2)`;
    const [count] = (await ctx.em.query(
      `SELECT count(*)::int AS n FROM linkage l LEFT JOIN need n ON n.id = l.need_id WHERE ${where}`,
      params,
    )) as {
      n: number;
    }[];
    const ids: { id: string }[] = await ctx.em.query(
      `SELECT l.id FROM linkage l LEFT JOIN need n ON n.id = l.need_id WHERE ${where} ORDER BY l.updated_at DESC, l.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    );
    const rows = await ctx.em.getRepository(Linkage).findByIds(ids.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return toConnection(
      ids.map((r) => byId.get(r.id)!),
      page,
      count?.n ?? 0,
    );
  }

  /**
   * Either side proposes: the need's business to a matched cooperative, or
   * a cooperative (alone or leading a joint offer with shares) to the need.
   * The need row is locked, and a constraint trigger keeps the shares of all
   * live linkages within the need's quantity, so concurrent offers cannot
   * oversubscribe it.
   */
  async propose(
    ctx: RequestContext,
    input: ProposeLinkageInput,
  ): Promise<Linkage | SharesExceedQuantityError | NeedNotOpenError | DuplicateError> {
    const need = await ctx.em.getRepository(Need).findOneBy({ id: input.needId });
    if (!need) throw notFound('Need');
    const coop = await ctx.loaders.cooperative.load(input.cooperativeId);
    if (!coop) throw notFound('Cooperative');
    if (need.kind === NeedKind.INPUT_DEMAND)
      throw badInput('input.needId', 'Answer a cooperative’s input need by proposing on your input offer.', ['kind']);
    const owner = await isNeedOwner(ctx, need);
    const responder = hasRole(ctx, 'COOP_MANAGER') && (await isCooperativeMember(ctx, coop.id));
    if (!owner && !responder) throw forbidden('Propose for your own need, or for your own cooperative.');
    if (input.productId) {
      const product = await ctx.loaders.product.load(input.productId);
      if (!product || product.cooperativeId !== coop.id)
        throw badInput('input.productId', 'Choose one of the cooperative’s products.', ['product']);
    }
    const shares = input.shares ?? [];
    const partners = new Set(shares.map((s) => s.cooperativeId));
    if (partners.size !== shares.length) throw badInput('input.shares', 'Each cooperative has one share.', ['duplicate']);
    for (const [i, s] of shares.entries())
      if (!(await ctx.loaders.cooperative.load(s.cooperativeId)))
        throw badInput(`input.shares.${i}.cooperativeId`, 'Unknown cooperative.', ['cooperative']);
    if (shares.length > 0 && !partners.has(coop.id)) throw badInput('input.shares', 'The lead cooperative takes a share too.', ['lead']);
    try {
      return await inTransaction(ctx, async (tx) => {
        const [locked] = (await tx.em.query(`SELECT status FROM need WHERE id = $1 FOR UPDATE`, [need.id])) as { status: NeedStatus }[];
        if (locked?.status !== NeedStatus.OPEN) return NeedNotOpenError.of();
        const [row] = (await tx.em.query(
          `INSERT INTO linkage (need_id, cooperative_id, product_id, proposed_by, created_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
          [need.id, coop.id, input.productId ?? null, owner ? LinkageSide.NEED_OWNER : LinkageSide.RESPONDER, ctx.user!.id],
        )) as { id: string }[];
        const id = row!.id;
        if (shares.length)
          await tx.em.query(
            `INSERT INTO linkage_share (linkage_id, cooperative_id, quantity) SELECT $1, c, q FROM unnest($2::uuid[], $3::numeric[]) AS t(c, q)`,
            [id, shares.map((s) => s.cooperativeId), shares.map((s) => s.quantity)],
          );
        await tx.em.query(`INSERT INTO linkage_event (linkage_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'PROPOSED', $2)`, [
          id,
          ctx.user!.id,
        ]);
        if (input.message?.trim())
          await tx.em.query(`INSERT INTO linkage_message (linkage_id, author_id, body) VALUES ($1,$2,$3)`, [
            id,
            ctx.user!.id,
            input.message.trim(),
          ]);
        const linkage = await tx.em.getRepository(Linkage).findOneByOrFail({ id });
        await this.notifyOtherSide(tx, linkage, need, owner, NotificationKind.LINKAGE_PROPOSED);
        return linkage;
      });
    } catch (err) {
      if (sqlState(err) === '23505' && constraintName(err) === 'linkage_live_uq') return DuplicateError.of('cooperativeId');
      if (sqlState(err) === '23514' && constraintName(err) === 'linkage_share_within_need')
        return SharesExceedQuantityError.of(need.quantity);
      throw err;
    }
  }

  /** One step along the lifecycle, taken by the side whose turn it is; a step someone else took first is refused. */
  async move(ctx: RequestContext, input: MoveLinkageInput): Promise<Linkage | InvalidTransitionError> {
    if (input.to === LinkageStatus.AGREED) throw badInput('input.to', 'Record the agreement with agreeLinkage.', ['agreement']);
    const sides = await sidesOf(ctx, input.id);
    assertParty(sides);
    const refused = this.check(sides, input.to);
    if (refused) return refused;
    return inTransaction(ctx, async (tx) => {
      const moved = await this.applyStep(tx, sides.linkage, input.to);
      if (moved instanceof InvalidTransitionError) return moved;
      await this.notifyOtherSide(tx, moved, sides.need, sides.owner, NotificationKind.LINKAGE_STEP);
      return moved;
    });
  }

  /** NEGOTIATING → AGREED with the MoU or contract: quantity, unit price, term and its total value in VND. */
  async agree(ctx: RequestContext, input: AgreeLinkageInput): Promise<Linkage | InvalidTransitionError> {
    const sides = await sidesOf(ctx, input.id);
    assertParty(sides);
    if (input.startsOn > input.endsOn) throw badInput('input.endsOn', 'The term must end after it starts.', ['dateRange']);
    const total = agreementTotal(input.quantity, input.unitPrice);
    if (total > MAX_AGREEMENT_TOTAL) throw badInput('input.unitPrice', 'The total value of this agreement is too large.', ['max']);
    if (input.documentUploadId) {
      const upload = await ctx.loaders.upload.load(input.documentUploadId);
      if (!upload || upload.ownerId !== ctx.user!.id) throw badInput('input.documentUploadId', 'Upload the document first.', ['upload']);
    }
    // A linkage opened at a fair has no need to take the unit from.
    const unit = input.unit ?? sides.need?.unit;
    if (!unit) throw badInput('input.unit', 'Give the unit of the agreed quantity.', ['required']);
    const refused = this.check(sides, LinkageStatus.AGREED);
    if (refused) return refused;
    return inTransaction(ctx, async (tx) => {
      const moved = await this.applyStep(tx, sides.linkage, LinkageStatus.AGREED);
      if (moved instanceof InvalidTransitionError) return moved;
      await tx.em.query(
        `INSERT INTO agreement (linkage_id, quantity, unit, unit_price, starts_on, ends_on, total_value, document_upload_id, signed_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [
          moved.id,
          input.quantity,
          unit,
          input.unitPrice,
          input.startsOn,
          input.endsOn,
          total,
          input.documentUploadId ?? null,
          ctx.user!.id,
        ],
      );
      await this.notifyOtherSide(tx, moved, sides.need, sides.owner, NotificationKind.LINKAGE_STEP);
      return moved;
    });
  }

  /** Records a delivery against the agreement; the first one moves the linkage to DELIVERING. */
  async recordDelivery(ctx: RequestContext, input: RecordDeliveryInput): Promise<Delivery | InvalidTransitionError> {
    const sides = await sidesOf(ctx, input.linkageId);
    assertParty(sides);
    if (!deliveryDateAllowed(input.deliveredOn, new Date()))
      throw badInput('input.deliveredOn', 'Record a delivery once it has happened.', ['max']);
    return inTransaction(ctx, async (tx) => {
      const current = await tx.em.getRepository(Linkage).findOne({ where: { id: sides.linkage.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Linkage');
      if (current.status === LinkageStatus.AGREED) {
        const moved = await this.applyStep(tx, current, LinkageStatus.DELIVERING);
        if (moved instanceof InvalidTransitionError) return moved;
      } else if (current.status !== LinkageStatus.DELIVERING) return InvalidTransitionError.of(current.status, LinkageStatus.DELIVERING);
      const [row] = (await tx.em.query(
        `INSERT INTO delivery (linkage_id, delivered_on, quantity, note, recorded_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [current.id, input.deliveredOn, input.quantity, input.note?.trim() ?? '', ctx.user!.id],
      )) as { id: string }[];
      return tx.em.getRepository(Delivery).findOneByOrFail({ id: row!.id });
    });
  }

  async postMessage(ctx: RequestContext, input: PostLinkageMessageInput): Promise<LinkageMessage> {
    const sides = await sidesOf(ctx, input.linkageId);
    assertParty(sides);
    const body = input.body.trim();
    if (!body) throw badInput('input.body', 'Write a message.', ['required']);
    return inTransaction(ctx, async (tx) => {
      const [row] = (await tx.em.query(`INSERT INTO linkage_message (linkage_id, author_id, body) VALUES ($1,$2,$3) RETURNING id`, [
        sides.linkage.id,
        ctx.user!.id,
        body,
      ])) as { id: string }[];
      await this.notifyOtherSide(tx, sides.linkage, sides.need, sides.owner, NotificationKind.LINKAGE_MESSAGE);
      return tx.em.getRepository(LinkageMessage).findOneByOrFail({ id: row!.id });
    });
  }

  /** Steps the caller may take now, for the client's buttons. */
  async allowedSteps(ctx: RequestContext, linkage: Linkage): Promise<LinkageStatus[]> {
    if (!ctx.user) return [];
    const sides = await sidesOf(ctx, linkage.id);
    return Object.values(LinkageStatus).filter((to) => checkStep(linkage.status, to, sides.proposer, sides.recipient) === 'OK');
  }

  private check(sides: Sides, to: LinkageStatus): InvalidTransitionError | null {
    const verdict = checkStep(sides.linkage.status, to, sides.proposer, sides.recipient);
    if (verdict === 'INVALID') return InvalidTransitionError.of(sides.linkage.status, to);
    if (verdict === 'NOT_YOUR_TURN') throw forbidden('This step is for the other side of the linkage.');
    return null;
  }

  /**
   * The conditional UPDATE is the arbiter: of two people accepting at once,
   * the second finds the status already changed and gets an
   * InvalidTransitionError, and no second step is recorded.
   */
  private async applyStep(ctx: RequestContext, linkage: Linkage, to: LinkageStatus): Promise<Linkage | InvalidTransitionError> {
    const result: [unknown[], number] = await ctx.em.query(
      `UPDATE linkage SET status = $3, version = version + 1, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id`,
      [linkage.id, linkage.status, to],
    );
    if (result[1] === 0) {
      const now = await ctx.em.getRepository(Linkage).findOneByOrFail({ id: linkage.id });
      return InvalidTransitionError.of(now.status, to);
    }
    await ctx.em.query(`INSERT INTO linkage_event (linkage_id, from_status, to_status, actor_id) VALUES ($1,$2,$3,$4)`, [
      linkage.id,
      linkage.status,
      to,
      ctx.user!.id,
    ]);
    return ctx.em.getRepository(Linkage).findOneByOrFail({ id: linkage.id });
  }

  private async notifyOtherSide(
    ctx: RequestContext,
    linkage: Linkage,
    need: Need | null,
    actorIsOwner: boolean,
    kind: NotificationKind,
  ): Promise<void> {
    const ownerOrg = ownerOrgOf(linkage, need);
    const members: { user_id: string }[] = actorIsOwner
      ? await ctx.em.query(`SELECT DISTINCT user_id FROM membership WHERE cooperative_id = ANY($1::uuid[])`, [
          await responderCooperatives(ctx, linkage),
        ])
      : await ctx.em.query(`SELECT DISTINCT user_id FROM membership WHERE business_id = $1 OR cooperative_id = $2`, [
          ownerOrg.businessId,
          ownerOrg.cooperativeId,
        ]);
    await ctx.services.notifications.create(
      ctx.em,
      members
        .filter((m) => m.user_id !== ctx.user!.id)
        .map((m) => ({ userId: m.user_id, kind, needId: need?.id ?? null, linkageId: linkage.id })),
    );
  }
}
