import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Form, useSearchParams } from 'react-router';
import { errorCodeOf } from '../../apollo/errors';
import { requireRole } from '../../app/guards';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../i18n/format';

const LotRecallDocument = graphql(`
  query LotRecall($code: String!) {
    lotRecall(code: $code) {
      lot {
        id
        code
        product {
          id
          nameVi
        }
      }
      upstream {
        depth
        lot {
          id
          code
          product {
            nameVi
          }
        }
      }
      downstream {
        depth
        lot {
          id
          code
          product {
            nameVi
          }
        }
      }
      products {
        id
        nameVi
      }
      cooperatives {
        id
        name
        phone
      }
      recipients {
        receivedAt
        business {
          id
          name
        }
        lot {
          code
        }
      }
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'TRADE_STAFF', 'ADMIN', 'COOP_MANAGER');
  return null;
}

export function Component() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const { data, error, loading } = useQuery(LotRecallDocument, { variables: { code }, skip: !code, fetchPolicy: 'network-only' });
  const recall = data?.lotRecall;
  const lotLink = (c: string) => <a href={`/t/${encodeURIComponent(c)}`}>{c}</a>;
  return (
    <section className="page">
      <title>{`${t('trace.recallTitle')} · CoopLink`}</title>
      <h1>{t('trace.recallTitle')}</h1>
      <p className="muted">{t('trace.recallLead')}</p>
      <Form method="get" className="inline-form">
        <label>
          {t('trace.code')}
          <input name="code" defaultValue={code} required />
        </label>
        <button className="button">{t('trace.recallSearch')}</button>
      </Form>
      {loading && <p>{t('common.loading')}</p>}
      {error && <ErrorNotice code={errorCodeOf(error)} />}
      {recall && (
        <div className="recall" data-testid="recall">
          <h2>{t('trace.upstream')}</h2>
          {recall.upstream.length ? (
            <ul>
              {recall.upstream.map((u) => (
                <li key={u.lot.id}>
                  {lotLink(u.lot.code)} {u.lot.product?.nameVi ?? '—'} · {t('trace.steps_away', { count: u.depth })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('trace.none')}</p>
          )}
          <h2>{t('trace.downstream')}</h2>
          {recall.downstream.length ? (
            <ul>
              {recall.downstream.map((d) => (
                <li key={d.lot.id}>
                  {lotLink(d.lot.code)} {d.lot.product?.nameVi ?? '—'} · {t('trace.steps_away', { count: d.depth })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('trace.none')}</p>
          )}
          <h2>{t('trace.products')}</h2>
          <ul>
            {recall.products.map((p) => (
              <li key={p.id}>{p.nameVi}</li>
            ))}
          </ul>
          <h2>{t('trace.cooperatives')}</h2>
          <ul>
            {recall.cooperatives.map((c) => (
              <li key={c.id}>
                {c.name}
                {c.phone ? ` · ${c.phone}` : ''}
              </li>
            ))}
          </ul>
          <h2>{t('trace.recipients')}</h2>
          {recall.recipients.length ? (
            <ul>
              {recall.recipients.map((r) => (
                <li key={`${r.business.id}-${r.lot.code}-${r.receivedAt}`}>
                  {r.business.name} · {r.lot.code} · {formatDateTime(r.receivedAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('trace.none')}</p>
          )}
        </div>
      )}
    </section>
  );
}
