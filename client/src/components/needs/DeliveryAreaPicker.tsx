import { skipToken, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AreasDocument, byName } from '../form/AreaPicker';

/** The chosen area at each level; empty strings for levels left open. */
export interface AreaChoice {
  province: string;
  district: string;
  commune: string;
}

export const ANYWHERE: AreaChoice = { province: '', district: '', commune: '' };

/** The narrowest area chosen, or null for anywhere. */
export function areaCodeOf(choice: AreaChoice): string | null {
  return choice.commune || choice.district || choice.province || null;
}

interface DeliveryAreaPickerProps {
  value: AreaChoice;
  onChange: (choice: AreaChoice) => void;
}

/**
 * Where deliveries go: anywhere, a province, a district or a commune, picked
 * level by level with plain selects so it works on any phone. Each level is
 * loaded only once the one above is chosen.
 */
export function DeliveryAreaPicker({ value, onChange }: DeliveryAreaPickerProps) {
  const { t } = useTranslation();
  const { province, district, commune } = value;
  const roots = useQuery(AreasDocument, { variables: { parentCode: null } });
  const districts = useQuery(AreasDocument, province ? { variables: { parentCode: province } } : skipToken);
  const communes = useQuery(AreasDocument, district ? { variables: { parentCode: district } } : skipToken);
  const districtAreas = byName(districts.data?.areas);
  const communeAreas = byName(communes.data?.areas);

  function choose(level: keyof AreaChoice, code: string) {
    if (level === 'province') onChange({ province: code, district: '', commune: '' });
    else if (level === 'district') onChange({ province, district: code, commune: '' });
    else onChange({ province, district, commune: code });
  }

  return (
    <fieldset className="field area-picker" data-testid="delivery-area">
      <legend>{t('needs.area.label')}</legend>
      <label className="sub-field">
        <span>{t('area.province')}</span>
        <select id="need-area-province" value={province} disabled={roots.loading} onChange={(e) => choose('province', e.target.value)}>
          <option value="">{roots.loading ? t('common.loading') : t('needs.area.anywhere')}</option>
          {byName(roots.data?.areas).map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {province && (
        <label className="sub-field">
          <span>{t('area.district')}</span>
          <select
            id="need-area-district"
            value={district}
            disabled={districts.loading}
            onChange={(e) => choose('district', e.target.value)}
          >
            <option value="">{districts.loading ? t('common.loading') : t('needs.area.wholeProvince')}</option>
            {districtAreas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {district && (communes.loading || communeAreas.length > 0) && (
        <label className="sub-field">
          <span>{t('area.commune')}</span>
          <select id="need-area-commune" value={commune} disabled={communes.loading} onChange={(e) => choose('commune', e.target.value)}>
            <option value="">{communes.loading ? t('common.loading') : t('needs.area.wholeDistrict')}</option>
            {communeAreas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {(roots.error || districts.error || communes.error) && <p className="error-text">{t('errors.NETWORK')}</p>}
    </fieldset>
  );
}
