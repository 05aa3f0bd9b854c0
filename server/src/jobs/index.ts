import type { Services } from '../services';
import type { Job } from './runner';

/** Every periodic job of the platform. */
export function platformJobs(services: Services): Job[] {
  return [{ name: 'expire-needs', intervalMs: 60_000, run: (em) => services.needs.expireDue(em) }];
}
