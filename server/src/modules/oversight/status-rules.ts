import type { StatusCode } from './figures';

/**
 * The registry's lifecycle under the 2023 Law on Cooperatives: a suspension
 * ends in resumption or dissolution; a dissolution in progress may still be
 * withdrawn; a dissolved cooperative is final.
 */
const NEXT: Record<StatusCode, readonly StatusCode[]> = {
  OPERATING: ['SUSPENDED', 'DISSOLVING'],
  SUSPENDED: ['OPERATING', 'DISSOLVING'],
  DISSOLVING: ['DISSOLVED', 'OPERATING'],
  DISSOLVED: [],
};

export function canChangeStatus(from: StatusCode, to: StatusCode): boolean {
  return NEXT[from].includes(to);
}
