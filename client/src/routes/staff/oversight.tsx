import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { OversightDashboardQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useNavigate } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { requireRole } from '../../app/guards';
import { AccountabilityTable } from '../../components/oversight/AccountabilityTable';
import { AreaCooperatives } from '../../components/oversight/AreaCooperatives';
import { BarList, TrendChart } from '../../components/oversight/charts';
import '../../components/oversight/oversight.css';
import { PageSkeleton } from '../../components/Skeleton';
import { formatLocalDate, formatShare, formatVnd } from '../../i18n/format';

const OversightDashboardDocument = graphql(`
  query OversightDashboard($areaCode: String, $year: Int) {
    oversightSummary(areaCode: $areaCode, year: $year) {
      area {
        code
        name
        level
      }
      parent {
        code
        name
      }
      year
      cooperatives
      goodOrFair
      weakOrSuspended
      goodOrFairShare
      weakOrSuspendedShare
      bySector {
        sector
        count
      }
      byStatus {
        status
        count
      }
      byClass {
        ratingClass
        count
      }
      byArea {
        area {
          code
          name
        }
        ...AccountabilityTable_rows
      }
      trend {
        year
        goodOrFairShare
        weakOrSuspendedShare
      }
      stopped {
        cooperative {
          id
          name
        }
        status
        since
        daysWaiting
      }
      pilots {
        cooperative {
          id
          name
        }
        isPilot
        isModel
        itemsDone
        itemsTotal
        items {
          id
          title
          doneOn
        }
      }
      tradeReach {
        cooperativesWithPublishedProducts
        cooperativesWithCertifiedProducts
        certifiedProducts
        cooperativesWithOcopProducts
        ocopProducts
        cooperativesInFairs
        cooperativesWithLinkages
        linkages
        agreements
        agreementValue
      }
    }
  }
`);

type DashboardRef = QueryRef<OversightDashboardQuery>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'TRADE_STAFF', 'ADMIN');
  const url = new URL(request.url);
  const area = url.searchParams.get('area') || null;
  const year = Number(url.searchParams.get('year')) || null;
  return preloadQuery(OversightDashboardDocument, { variables: { areaCode: area, year }, fetchPolicy: 'cache-and-network' });
}

export function Component() {
  const { t } = useTranslation();
  const queryRef = useLoaderData<DashboardRef>();
  return (
    <section className="page oversight">
      <title>{`${t('oversight.title')} · CoopLink`}</title>
      <h1>{t('oversight.title')}</h1>
      <p className="muted">{t('oversight.lead')}</p>
      <p>
        <Link to="/staff/audit">{t('oversight.auditLink')}</Link>
      </p>
      <Suspense fallback={<PageSkeleton />}>
        <Dashboard queryRef={queryRef} />
      </Suspense>
    </section>
  );
}

function Dashboard({ queryRef }: { queryRef: DashboardRef }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const s = useReadQuery(queryRef).data.oversightSummary;
  const go = (area: string, year: number) => navigate(`?area=${encodeURIComponent(area)}&year=${year}`);
  const years = [...new Set([...s.trend.map((p) => p.year), s.year])].sort((a, b) => b - a);
  const exportQuery = `?area=${encodeURIComponent(s.area.code)}&year=${s.year}`;

  return (
    <>
      <div className="oversight-pickers">
        <label className="field">
          <span>{t('oversight.area')}</span>
          <select data-testid="area-picker" value={s.area.code} onChange={(e) => go(e.target.value, s.year)}>
            {s.parent && <option value={s.parent.code}>↑ {s.parent.name}</option>}
            <option value={s.area.code}>{s.area.name}</option>
            {s.area.level < 3 &&
              s.byArea.map((r) => (
                <option key={r.area.code} value={r.area.code}>
                  — {r.area.name}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span>{t('oversight.year')}</span>
          <select data-testid="year-picker" value={s.year} onChange={(e) => go(s.area.code, Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>

      <h2 data-testid="oversight-area">{t('oversight.heading', { area: s.area.name, year: s.year })}</h2>
      <div className="oversight-exports">
        <a
          className="button button-secondary button-small"
          href={`/exports/cooperatives.xlsx${exportQuery}`}
          download
          data-testid="export-register-xlsx"
        >
          {t('oversight.exportRegisterXlsx')}
        </a>
        <a className="button button-secondary button-small" href={`/exports/cooperatives.csv${exportQuery}`} download>
          {t('oversight.exportRegisterCsv')}
        </a>
        <a
          className="button button-secondary button-small"
          href={`/exports/oversight.xlsx${exportQuery}`}
          download
          data-testid="export-oversight-xlsx"
        >
          {t('oversight.exportFigures')}
        </a>
      </div>

      <div className="headline-cards">
        <div className="card headline">
          <span className="headline-value">{s.cooperatives}</span>
          <span>{t('oversight.cooperatives')}</span>
        </div>
        <div className="card headline headline-good">
          <span className="headline-value" data-testid="good-share">
            {formatShare(s.goodOrFairShare)}
          </span>
          <span>{t('oversight.goodOrFair', { count: s.goodOrFair })}</span>
        </div>
        <div className="card headline headline-weak">
          <span className="headline-value" data-testid="weak-share">
            {formatShare(s.weakOrSuspendedShare)}
          </span>
          <span>{t('oversight.weakOrSuspended', { count: s.weakOrSuspended })}</span>
        </div>
      </div>

      <h3>{t('oversight.trend')}</h3>
      <TrendChart points={s.trend} title={t('oversight.trend')} goodLabel={t('oversight.goodShort')} weakLabel={t('oversight.weakShort')} />

      <div className="bar-grid">
        <BarList
          title={t('oversight.byClass')}
          items={s.byClass.map((c) => ({
            key: c.ratingClass,
            label: t(`enums.ratingClass.${c.ratingClass}`),
            count: c.count,
            tone: `tone-${c.ratingClass.toLowerCase()}`,
          }))}
        />
        <BarList
          title={t('oversight.byStatus')}
          items={s.byStatus.map((c) => ({ key: c.status, label: t(`enums.cooperativeStatus.${c.status}`), count: c.count }))}
        />
        <BarList
          title={t('oversight.bySector')}
          items={s.bySector.map((c) => ({ key: c.sector, label: t(`enums.sector.${c.sector}`), count: c.count }))}
        />
      </div>

      {s.area.level < 3 && (
        <>
          <h3>{t('oversight.accountability')}</h3>
          <p className="muted">{t('oversight.accountabilityLead')}</p>
          <AccountabilityTable rows={s.byArea} year={s.year} />
        </>
      )}

      <h3>{t('oversight.reach')}</h3>
      <p className="muted">{t('oversight.reachLead')}</p>
      <dl className="reach">
        <dt>{t('oversight.reachPublished')}</dt>
        <dd>{s.tradeReach.cooperativesWithPublishedProducts}</dd>
        <dt>{t('oversight.reachCertifiedCoops')}</dt>
        <dd>{s.tradeReach.cooperativesWithCertifiedProducts}</dd>
        <dt>{t('oversight.reachCertifiedProducts')}</dt>
        <dd>{s.tradeReach.certifiedProducts}</dd>
        <dt>{t('oversight.reachOcopCoops')}</dt>
        <dd>{s.tradeReach.cooperativesWithOcopProducts}</dd>
        <dt>{t('oversight.reachOcopProducts')}</dt>
        <dd>{s.tradeReach.ocopProducts}</dd>
        <dt>{t('oversight.reachFairs')}</dt>
        <dd>{s.tradeReach.cooperativesInFairs}</dd>
        <dt>{t('oversight.reachLinkageCoops')}</dt>
        <dd>{s.tradeReach.cooperativesWithLinkages}</dd>
        <dt>{t('oversight.reachLinkages')}</dt>
        <dd>{s.tradeReach.linkages}</dd>
        <dt>{t('oversight.reachAgreements')}</dt>
        <dd>{s.tradeReach.agreements}</dd>
        <dt>{t('oversight.reachAgreementValue')}</dt>
        <dd>{formatVnd(s.tradeReach.agreementValue)}</dd>
      </dl>

      <h3>{t('oversight.stopped')}</h3>
      {s.stopped.length === 0 ? (
        <p className="muted">{t('oversight.noneStopped')}</p>
      ) : (
        <ul className="oversight-coops">
          {s.stopped.map((x) => (
            <li key={x.cooperative.id}>
              <Link to={`/staff/cooperatives/${x.cooperative.id}`}>{x.cooperative.name}</Link>
              <span className="badge">{t(`enums.cooperativeStatus.${x.status}`)}</span>
              {x.since && (
                <span className="muted">{t('oversight.waiting', { date: formatLocalDate(x.since), count: x.daysWaiting ?? 0 })}</span>
              )}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('oversight.pilots')}</h3>
      {s.pilots.length === 0 ? (
        <p className="muted">{t('oversight.noPilots')}</p>
      ) : (
        <ul className="pilot-list">
          {s.pilots.map((p) => (
            <li key={p.cooperative.id} className="card">
              <details>
                <summary>
                  <Link to={`/staff/cooperatives/${p.cooperative.id}`}>{p.cooperative.name}</Link>{' '}
                  {p.isPilot && <span className="badge">{t('oversight.pilot')}</span>}
                  {p.isModel && <span className="badge">{t('oversight.model')}</span>}{' '}
                  <progress max={Math.max(1, p.itemsTotal)} value={p.itemsDone} aria-label={t('oversight.progress')} />{' '}
                  {t('oversight.itemsDone', { done: p.itemsDone, total: p.itemsTotal })}
                </summary>
                <ul className="checklist">
                  {p.items.map((i) => (
                    <li key={i.id} className={i.doneOn ? 'done' : ''}>
                      {i.doneOn ? '✓' : '○'} {i.title}
                      {i.doneOn && <span className="muted"> · {formatLocalDate(i.doneOn)}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}

      {s.area.level >= 2 && (
        <>
          <h3>{t('oversight.areaCooperatives', { area: s.area.name })}</h3>
          <AreaCooperatives areaCode={s.area.code} />
        </>
      )}
    </>
  );
}
