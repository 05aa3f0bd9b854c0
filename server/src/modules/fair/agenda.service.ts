import type { RequestContext } from '../../common/context';
import { isStaff } from '../../common/context';
import { forbidden } from '../../common/errors';
import { isBusinessMember, isCooperativeMember } from '../../common/ownership';
import type { Fair, FairRegistration } from './fair.entity';
import { agendaIcs, type AgendaEntry } from './fair-ics';
import { registrationLoader } from './fair-loaders';
import { slotsOf } from './fair.service';
import { badInput } from '../../common/errors';
import { FairMeeting } from './fair.entity';
import type { TableSheetLine } from './fair.types';

export interface AgendaLine {
  meetingId: string;
  slot: number;
  startsAt: Date;
  endsAt: Date;
  table: number;
  counterpartName: string;
  contact: string;
}

export class AgendaService {
  private async assertReader(ctx: RequestContext, organizationId: string): Promise<void> {
    if (isStaff(ctx)) return;
    if (!ctx.user) throw forbidden();
    if (!(await isCooperativeMember(ctx, organizationId)) && !(await isBusinessMember(ctx, organizationId))) throw forbidden();
  }

  /** Who someone will meet: the organisation's name and how to reach its contact person. */
  async describe(ctx: RequestContext, reg: FairRegistration): Promise<{ name: string; contact: string }> {
    if (reg.cooperativeId) {
      const c = await ctx.loaders.cooperative.load(reg.cooperativeId);
      return { name: c?.name ?? '', contact: [c?.phone, c?.email].filter(Boolean).join(' · ') };
    }
    const b = await ctx.loaders.business.load(reg.businessId!);
    return { name: b?.name ?? '', contact: [b?.contactName, b?.phone, b?.email].filter(Boolean).join(' · ') };
  }

  async lines(ctx: RequestContext, fair: Fair, organizationId: string): Promise<AgendaLine[]> {
    await this.assertReader(ctx, organizationId);
    const meetings = await ctx.services.schedules.meetings(ctx, fair.id, organizationId);
    const mine: { id: string }[] = await ctx.em.query(`SELECT id FROM fair_registration WHERE fair_id = $1 AND organization_id = $2`, [
      fair.id,
      organizationId,
    ]);
    const own = new Set(mine.map((r) => r.id));
    const slots = slotsOf(fair);
    const out: AgendaLine[] = [];
    for (const m of meetings) {
      const other = await registrationLoader(ctx).load(own.has(m.registrationA) ? m.registrationB : m.registrationA);
      const who = other ? await this.describe(ctx, other) : { name: '', contact: '' };
      const slot = slots[m.slot];
      if (!slot) continue;
      out.push({
        meetingId: m.id,
        slot: m.slot,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        table: m.table,
        counterpartName: who.name,
        contact: who.contact,
      });
    }
    return out;
  }

  /**
   * One table's meetings over every slot, free slots included, for the staff member who seats
   * people and ticks attendance at that table. Staff only (checked by the resolver).
   */
  async tableSheet(ctx: RequestContext, fair: Fair, table: number): Promise<TableSheetLine[]> {
    if (!Number.isInteger(table) || table < 1 || table > fair.tableCount)
      throw badInput('table', `Choose a table from 1 to ${fair.tableCount}.`, ['range']);
    const meetings = await ctx.em.getRepository(FairMeeting).find({ where: { fairId: fair.id, table }, order: { slot: 'ASC' } });
    const bySlot = new Map(meetings.map((m) => [m.slot, m]));
    const party = async (id: string) => {
      const reg = await registrationLoader(ctx).load(id);
      return reg ? { registrationId: reg.id, ...(await this.describe(ctx, reg)) } : null;
    };
    const out: TableSheetLine[] = [];
    for (const s of slotsOf(fair)) {
      const m = bySlot.get(s.index);
      out.push({
        slot: s.index,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        meetingId: m?.id ?? null,
        status: m?.status ?? null,
        a: m ? await party(m.registrationA) : null,
        b: m ? await party(m.registrationB) : null,
      });
    }
    return out;
  }

  /** The agenda as an RFC 5545 calendar, its words in the reader's language (Vietnamese unless asked otherwise). */
  async ics(ctx: RequestContext, fair: Fair, organizationId: string, language: IcsLanguage = 'vi'): Promise<string> {
    const lines = await this.lines(ctx, fair, organizationId);
    const w = ICS_WORDS[language];
    const entries: AgendaEntry[] = lines.map((l) => ({
      uid: `${l.meetingId}@cooplink.vn`,
      startsAt: l.startsAt,
      endsAt: l.endsAt,
      summary: `${w.meet} ${l.counterpartName} — ${w.table} ${l.table}`,
      location: `${fair.venue} — ${w.table} ${l.table}`.replace(/^ — /, ''),
      description: `${fair.name}\n${w.counterpart}: ${l.counterpartName}\n${w.contact}: ${l.contact || '—'}`,
    }));
    return agendaIcs(fair.name, entries, new Date());
  }
}

export type IcsLanguage = 'vi' | 'en';

const ICS_WORDS: Record<IcsLanguage, { meet: string; table: string; counterpart: string; contact: string }> = {
  vi: { meet: 'Gặp', table: 'bàn', counterpart: 'Đối tác', contact: 'Liên hệ' },
  en: { meet: 'Meeting with', table: 'table', counterpart: 'Counterpart', contact: 'Contact' },
};
