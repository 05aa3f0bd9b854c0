import type { RequestContext } from '../../common/context';
import { toConnection, toPage } from '../../common/pagination';
import { CertificateReminder } from './certificate-reminder.entity';

/** Reminders of the caller's cooperatives, newest first. */
export class CertificateReminderService {
  async mine(ctx: RequestContext, first?: number | null, after?: string | null) {
    const page = toPage(first, after);
    const coopIds = (await ctx.loaders.membershipsByUser.load(ctx.user!.id)).flatMap((m) => (m.cooperativeId ? [m.cooperativeId] : []));
    if (!coopIds.length) return toConnection([], page, 0);
    const [rows, total] = await ctx.em.getRepository(CertificateReminder).findAndCount({
      where: coopIds.map((cooperativeId) => ({ cooperativeId })),
      order: { createdAt: 'DESC', expiresOn: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return toConnection(rows, page, total);
  }
}
