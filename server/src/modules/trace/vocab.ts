/**
 * The steps a cooperative records, and how each is written in EPCIS. Where
 * GS1's Core Business Vocabulary has the step we use its bare name; farming
 * steps it lacks get CoopLink's own URIs, as CBV 2.0 allows.
 */
export const OWN_VOCAB = 'https://cooplink.vn/voc/';

export const STEPS = {
  PLANTING: `${OWN_VOCAB}bizstep/planting`,
  FERTILISING: `${OWN_VOCAB}bizstep/fertilising`,
  SPRAYING: `${OWN_VOCAB}bizstep/spraying`,
  IRRIGATING: `${OWN_VOCAB}bizstep/irrigating`,
  HARVESTING: `${OWN_VOCAB}bizstep/harvesting`,
  PROCESSING: `${OWN_VOCAB}bizstep/processing`,
  COMMISSIONING: 'commissioning',
  INSPECTING: 'inspecting',
  PACKING: 'packing',
  STORING: 'storing',
  SHIPPING: 'shipping',
  RECEIVING: 'receiving',
  RETAIL_SELLING: 'retail_selling',
  DESTROYING: 'destroying',
} as const;
export type TraceStep = keyof typeof STEPS;
export const TRACE_STEPS = Object.keys(STEPS) as TraceStep[];

/** Steps that apply a farm input, so the product used and its dose are required. */
export const INPUT_STEPS: readonly TraceStep[] = ['FERTILISING', 'SPRAYING'];

export const DISPOSITIONS = {
  ACTIVE: 'active',
  IN_PROGRESS: 'in_progress',
  IN_TRANSIT: 'in_transit',
  CONFORMANT: 'conformant',
  NON_CONFORMANT: 'non_conformant',
  RECALLED: 'recalled',
  DESTROYED: 'destroyed',
  EXPIRED: 'expired',
  RETAIL_SOLD: 'retail_sold',
} as const;
export type TraceDisposition = keyof typeof DISPOSITIONS;
export const TRACE_DISPOSITIONS = Object.keys(DISPOSITIONS) as TraceDisposition[];

export const EVENT_TYPES = ['OBJECT', 'TRANSFORMATION', 'AGGREGATION', 'TRANSACTION'] as const;
export type TraceEventType = (typeof EVENT_TYPES)[number];

export const EVENT_ACTIONS = ['ADD', 'OBSERVE', 'DELETE'] as const;
export type TraceAction = (typeof EVENT_ACTIONS)[number];

/** The role a lot plays in an event: the lot observed, or a transformation's input or output. */
export type LotRole = 'SUBJECT' | 'INPUT' | 'OUTPUT';
