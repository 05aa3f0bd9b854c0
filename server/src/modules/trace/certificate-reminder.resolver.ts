import { Arg, Authorized, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Connection } from '../../common/pagination';
import { Certification, Product } from '../product/product.entity';
import { CertificateReminder } from './certificate-reminder.entity';

@ObjectType()
export class CertificateReminderConnection extends Connection(CertificateReminder, 'CertificateReminder') {}

@Resolver(() => CertificateReminder)
export class CertificateReminderResolver {
  @Authorized('COOP_MANAGER')
  @Query(() => CertificateReminderConnection, { description: 'Certificates of your cooperatives that expire soon.' })
  myCertificateReminders(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ctx.services.certificateReminders.mine(ctx, first, after);
  }

  @FieldResolver(() => Certification)
  async certification(@Root() r: CertificateReminder, @Ctx() ctx: RequestContext): Promise<Certification> {
    return ctx.em.getRepository(Certification).findOneByOrFail({ id: r.certificationId });
  }

  @FieldResolver(() => Product)
  async product(@Root() r: CertificateReminder, @Ctx() ctx: RequestContext): Promise<Product> {
    const cert = await ctx.em.getRepository(Certification).findOneByOrFail({ id: r.certificationId });
    return (await ctx.loaders.product.load(cert.productId))!;
  }
}
