import { MoneyScalar } from '../../common/scalars';
import { createUnionType, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { InvalidTransitionError } from '../../common/errors';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/scalars';
import { Area } from '../area/area.entity';
import { Cooperative, CooperativeStatus, RatingClass, Sector } from '../cooperative/cooperative.entity';
import { PilotChecklistItem } from './oversight.entity';

@ObjectType()
export class SectorCount {
  @Field(() => Sector) sector!: Sector;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class StatusCount {
  @Field(() => CooperativeStatus) status!: CooperativeStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class ClassCount {
  @Field(() => RatingClass) ratingClass!: RatingClass;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The two headline figures of directive 753-CV/TU for one year.' })
export class YearFigures {
  @Field(() => Int) year!: number;
  @Field(() => Int) cooperatives!: number;
  @Field(() => Int) goodOrFair!: number;
  @Field(() => Int) weakOrSuspended!: number;
  @Field(() => Float) goodOrFairShare!: number;
  @Field(() => Float) weakOrSuspendedShare!: number;
}

@ObjectType({ description: 'One row of the accountability table: an area under the one asked for, worst first.' })
export class AreaFigures extends YearFigures {
  @Field(() => Area) area!: Area;
  @Field(() => Int, { description: '1 for the highest weak/suspended share.' }) rank!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'The weak/suspended share of the year before; null when the area had no cooperatives then.',
  })
  previousWeakOrSuspendedShare!: number | null;
  @Field(() => Int, { description: 'Cooperatives with no trade activity recorded on the platform (no published product).' })
  withoutTradeActivity!: number;
}

@ObjectType({ description: 'A cooperative waiting for its suspension or dissolution to be resolved.' })
export class StoppedCooperative {
  @Field(() => Cooperative) cooperative!: Cooperative;
  @Field(() => CooperativeStatus) status!: CooperativeStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day of the change that put it in this status, when recorded.' })
  since!: string | null;
  @Field(() => Int, { nullable: true }) daysWaiting!: number | null;
}

@ObjectType()
export class PilotProgress {
  @Field(() => Cooperative) cooperative!: Cooperative;
  @Field(() => Boolean) isPilot!: boolean;
  @Field(() => Boolean) isModel!: boolean;
  @Field(() => Int) itemsDone!: number;
  @Field(() => Int) itemsTotal!: number;
  @Field(() => [PilotChecklistItem]) items!: PilotChecklistItem[];
}

/**
 * Trade-promotion reach from what the platform records. Fair participation,
 * linkages and agreement value join this type as their records arrive.
 */
@ObjectType()
export class TradeReach {
  @Field(() => Int) cooperativesWithPublishedProducts!: number;
  @Field(() => Int) cooperativesWithCertifiedProducts!: number;
  @Field(() => Int, { description: 'Published products with a certificate valid today.' }) certifiedProducts!: number;
  @Field(() => Int) cooperativesWithOcopProducts!: number;
  @Field(() => Int) ocopProducts!: number;
  @Field(() => Int, { description: 'Cooperatives accepted at a fair or conference, to date.' }) cooperativesInFairs!: number;
  @Field(() => Int) cooperativesWithLinkages!: number;
  @Field(() => Int, { description: 'Linkages with companies, declined ones aside, to date.' }) linkages!: number;
  @Field(() => Int, { description: 'Linkages that reached a signed agreement.' }) agreements!: number;
  @Field(() => MoneyScalar, { description: 'Total value of those agreements, VND.' }) agreementValue!: number;
}

@ObjectType()
export class OversightSummary extends YearFigures {
  @Field(() => Area) area!: Area;
  @Field(() => Area, { nullable: true, description: 'The area above, when it is within your scope.' }) parent!: Area | null;
  @Field(() => [SectorCount]) bySector!: SectorCount[];
  @Field(() => [StatusCount], { description: 'Current registry status.' }) byStatus!: StatusCount[];
  @Field(() => [ClassCount]) byClass!: ClassCount[];
  @Field(() => [AreaFigures], { description: 'The accountability table.' }) byArea!: AreaFigures[];
  @Field(() => [YearFigures], { description: 'Every assessed year, oldest first.' }) trend!: YearFigures[];
  @Field(() => [StoppedCooperative]) stopped!: StoppedCooperative[];
  @Field(() => [PilotProgress]) pilots!: PilotProgress[];
  @Field(() => TradeReach) tradeReach!: TradeReach;
}

@ObjectType()
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String) action!: string;
  @Field(() => String) entity!: string;
  @Field(() => String) entityId!: string;
  @Field(() => String, { nullable: true }) actorEmail!: string | null;
  @Field(() => String, { description: 'The recorded details, as JSON.' }) data!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}

export const RecordStatusChangeResult = createUnionType({
  name: 'RecordStatusChangeResult',
  types: () => [Cooperative, InvalidTransitionError] as const,
});
