import { createCertificateReminders } from '../modules/trace/certificate-reminders';
import type { Services } from '../services';
import type { Job } from './runner';

/** Every periodic job of the platform. */
export function platformJobs(services: Services): Job[] {
  const todayInVietnam = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  return [
    { name: 'expire-needs', intervalMs: 60_000, run: (em) => services.needs.expireDue(em) },
    { name: 'expire-meeting-requests', intervalMs: 60_000, run: (em) => services.meetingRequests.expireDue(em) },
    { name: 'certificate-reminders', intervalMs: 60 * 60_000, run: (em) => createCertificateReminders(em, todayInVietnam()) },
  ];
}
