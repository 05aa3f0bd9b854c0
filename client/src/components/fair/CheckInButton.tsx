import { useTranslation } from 'react-i18next';
import { formatTime } from '../../i18n/format';
import { useCheckInMutation } from '../../mutations/useCheckInMutation';
import { FailureNotice, useFailureAt } from './FailureAt';

/**
 * Staff at the door or at a table tap once when a participant arrives. Once present, the time of
 * arrival shows instead of the button; on paper the box is ticked.
 */
export function CheckInButton({
  registrationId,
  checkedInAt,
  name,
}: {
  registrationId: string;
  checkedInAt?: string | null;
  name: string;
}) {
  const { t } = useTranslation();
  const [checkIn, { loading }] = useCheckInMutation();
  const { report, failureAt } = useFailureAt();
  if (checkedInAt)
    return (
      <span className="badge badge-verified checked-in" data-testid="checked-in">
        <span className="print-only">☑ </span>
        {t('fairs.checkIn.present', { time: formatTime(checkedInAt) })}
      </span>
    );
  return (
    <span className="check-in">
      <span className="print-only">☐</span>
      <button
        type="button"
        className="button button-small no-print"
        disabled={loading}
        aria-label={t('fairs.checkIn.action', { name })}
        onClick={async () => report('checkin', await checkIn(registrationId))}
      >
        {t('fairs.checkIn.button')}
      </button>
      <FailureNotice failure={failureAt('checkin')} />
    </span>
  );
}
