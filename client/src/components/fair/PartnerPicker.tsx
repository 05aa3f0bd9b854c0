import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

const FairParticipantsDocument = graphql(`
  query FairParticipants($id: ID!) {
    fair(id: $id) {
      id
      registrations(status: [ACCEPTED], first: 100) {
        totalCount
        edges {
          node {
            id
            organizationId
            organizationName
            organizationKind
            boothNumber
            checkedInAt
          }
        }
      }
    }
  }
`);

export interface Participant {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  boothNumber?: number | null;
  checkedInAt?: string | null;
}

/** "hop tac xa dua" finds "Hợp tác xã Dừa": managers type without diacritics on a phone keyboard. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

export function matchesSearch(name: string, search: string): boolean {
  const words = foldText(search).split(/\s+/).filter(Boolean);
  const folded = foldText(name);
  return words.every((w) => folded.includes(w));
}

/** The accepted participants of an event (up to 100: a conference's whole list). */
export function useFairParticipants(fairId: string) {
  const { data, previousData, loading } = useQuery(FairParticipantsDocument, {
    variables: { id: fairId },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const participants: Participant[] = shown?.fair?.registrations.edges.map((e) => e.node) ?? [];
  return { participants, loading: loading && !shown };
}

/**
 * A search box over every accepted participant, beyond the few suggested partners. Shows at most
 * `limit` rows so a long list does not stretch the page on a phone; `render` draws each row.
 */
export function PartnerSearch({
  participants,
  exclude,
  label,
  testId,
  limit = 8,
  render,
}: {
  participants: readonly Participant[];
  exclude?: (p: Participant) => boolean;
  label: string;
  testId?: string;
  limit?: number;
  render: (p: Participant) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const id = useId();
  const candidates = participants.filter((p) => !exclude?.(p));
  const found = search.trim() ? candidates.filter((p) => matchesSearch(p.organizationName, search)) : candidates;
  return (
    <div className="partner-search" data-testid={testId}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('fairs.partners.placeholder')}
        />
      </div>
      {found.length === 0 ? (
        <p className="muted small">{t('fairs.partners.none')}</p>
      ) : (
        <ul className="plain-list">
          {found.slice(0, limit).map((p) => (
            <li key={p.id} className="queue-row">
              {render(p)}
            </li>
          ))}
        </ul>
      )}
      {found.length > limit && <p className="muted small">{t('fairs.partners.more', { count: found.length - limit })}</p>}
    </div>
  );
}
