import { skipToken, useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationKey } from '../../apollo/error-codes';
import { fieldId } from './validate';

export const AreasDocument = graphql(`
  query Areas($parentCode: String) {
    areas(parentCode: $parentCode) {
      code
      name
      kind
    }
  }
`);

/** Areas in Vietnamese alphabetical order, for the pickers' lists. */
export const byName = <T extends { name: string }>(areas: readonly T[] | undefined): T[] =>
  [...(areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

interface AreaPickerProps {
  /** Input path; the chosen code is submitted under this name. */
  name: string;
  error?: ValidationKey | undefined;
}

/**
 * District, then commune, loaded one level at a time from the area tree so
 * a phone never downloads the whole province.
 */
export function AreaPicker({ name, error }: AreaPickerProps) {
  const { t } = useTranslation();
  const [province, setProvince] = useState('');
  const [district, setDistrict] = useState('');
  const [commune, setCommune] = useState('');

  const roots = useQuery(AreasDocument, { variables: { parentCode: null } });
  const rootAreas = roots.data?.areas ?? [];
  const provinceCode = province || (rootAreas.length === 1 ? (rootAreas[0]?.code ?? '') : '');
  const districts = useQuery(AreasDocument, provinceCode ? { variables: { parentCode: provinceCode } } : skipToken);
  const communes = useQuery(AreasDocument, district ? { variables: { parentCode: district } } : skipToken);
  const districtAreas = byName(districts.data?.areas);
  const communeAreas = byName(communes.data?.areas);
  const id = fieldId(name);

  return (
    <fieldset className={error ? 'field area-picker field-invalid' : 'field area-picker'}>
      <legend>
        {t('area.label')}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      {rootAreas.length > 1 && (
        <label className="sub-field">
          <span>{t('area.province')}</span>
          <select
            value={provinceCode}
            onChange={(e) => {
              setProvince(e.target.value);
              setDistrict('');
              setCommune('');
            }}
          >
            <option value="">{t('area.choose')}</option>
            {rootAreas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="sub-field">
        <span>{t('area.district')}</span>
        <select
          id={id}
          data-field={name}
          value={district}
          disabled={!provinceCode || districts.loading}
          aria-invalid={error && !district ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setDistrict(e.target.value);
            setCommune('');
          }}
        >
          <option value="">{districts.loading || roots.loading ? t('common.loading') : t('area.choose')}</option>
          {districtAreas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {district && (communes.loading || communeAreas.length > 0) && (
        <label className="sub-field">
          <span>{t('area.commune')}</span>
          <select
            data-field={name}
            value={commune}
            disabled={communes.loading}
            aria-invalid={error && !commune ? true : undefined}
            onChange={(e) => setCommune(e.target.value)}
          >
            <option value="">{communes.loading ? t('common.loading') : t('area.choose')}</option>
            {communeAreas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {/* The commune when there is one; a district alone only where it has no communes. */}
      <input type="hidden" name={name} value={commune || (district && !communes.loading && communeAreas.length === 0 ? district : '')} />
      {(roots.error || districts.error || communes.error) && <p className="error-text">{t('errors.NETWORK')}</p>}
      {error && (
        <p id={`${id}-error`} className="error-text">
          {t(`validation.${error}`)}
        </p>
      )}
    </fieldset>
  );
}
