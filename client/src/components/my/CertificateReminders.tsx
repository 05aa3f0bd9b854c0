import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatLocalDate } from '../../i18n/format';

const CertificateRemindersDocument = graphql(`
  query CertificateReminders {
    myCertificateReminders(first: 20) {
      totalCount
      edges {
        node {
          id
          daysBefore
          expiresOn
          certification {
            id
            scheme
            number
          }
          product {
            id
            nameVi
          }
        }
      }
    }
  }
`);

/**
 * Certificates of the manager's products that expire soon, so a renewal is
 * started before the product loses its VietGAP or organic claim.
 */
export function CertificateReminders() {
  const { t } = useTranslation();
  const { data } = useQuery(CertificateRemindersDocument);
  const edges = data?.myCertificateReminders.edges ?? [];
  if (edges.length === 0) return null;
  return (
    <aside className="notice" role="status" data-testid="certificate-reminders">
      <h2 className="small">{t('trace.reminders.title', { count: data?.myCertificateReminders.totalCount ?? edges.length })}</h2>
      <ul>
        {edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/my/products/${node.product.id}/edit`}>{node.product.nameVi}</Link>{' '}
            {t('trace.reminders.item', {
              scheme: t(`enums.certificationScheme.${node.certification.scheme}`),
              number: node.certification.number,
              date: formatLocalDate(node.expiresOn),
              days: node.daysBefore,
            })}
          </li>
        ))}
      </ul>
    </aside>
  );
}
