import { describe, expect, it } from 'vitest';
import { STATUSES } from './figures';
import { canChangeStatus } from './status-rules';

describe('status changes', () => {
  it('allows suspension, resumption and dissolution, and nothing after dissolution', () => {
    expect(canChangeStatus('OPERATING', 'SUSPENDED')).toBe(true);
    expect(canChangeStatus('SUSPENDED', 'OPERATING')).toBe(true);
    expect(canChangeStatus('DISSOLVING', 'DISSOLVED')).toBe(true);
    expect(canChangeStatus('OPERATING', 'DISSOLVED')).toBe(false);
    for (const s of STATUSES) expect(canChangeStatus('DISSOLVED', s)).toBe(false);
    for (const s of STATUSES) expect(canChangeStatus(s, s)).toBe(false);
  });
});
