import type { BusinessKind, RegisterInput, Sector } from '@cooplink/schema/types';
import type { FieldErrors } from '../../apollo/errors';
import { BUSINESS_KINDS, oneOf, SECTORS } from '../../enums';
import { parseVndInput } from '../../i18n/format';
import { collect, email, positiveInt, required, taxCode } from '../form/validate';

export type OrganisationChoice = 'none' | 'cooperative' | 'business';

const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
const optional = (value: string): string | null => value || null;

/** Checks what can be checked here, so a farmer on a slow link is told at once, not after a round trip. */
export function validateRegistration(form: FormData, choice: OrganisationChoice): FieldErrors {
  const checks: [string, ReturnType<typeof required>][] = [
    ['displayName', required(text(form, 'displayName'))],
    ['email', required(text(form, 'email')) ?? email(text(form, 'email'))],
    ['password', String(form.get('password') ?? '').length >= 10 ? null : 'passwordTooShort'],
  ];
  if (choice === 'cooperative') {
    checks.push(
      ['cooperative.name', required(text(form, 'cooperative.name'))],
      ['cooperative.registrationNumber', required(text(form, 'cooperative.registrationNumber'))],
      ['cooperative.subsector', required(text(form, 'cooperative.subsector'))],
      ['cooperative.areaCode', required(text(form, 'cooperative.areaCode'))],
      ['cooperative.memberCount', required(text(form, 'cooperative.memberCount')) ?? positiveInt(text(form, 'cooperative.memberCount'))],
      ['cooperative.establishedOn', required(text(form, 'cooperative.establishedOn'))],
    );
  }
  if (choice === 'business') {
    checks.push(
      ['business.name', required(text(form, 'business.name'))],
      ['business.taxCode', required(text(form, 'business.taxCode')) ?? taxCode(text(form, 'business.taxCode'))],
      ['business.kinds', form.getAll('business.kinds').length > 0 ? null : 'required'],
      ['business.areaCode', required(text(form, 'business.areaCode'))],
    );
  }
  return collect(checks);
}

export function registrationInput(form: FormData, choice: OrganisationChoice, locale: string): RegisterInput {
  const input: RegisterInput = {
    email: text(form, 'email'),
    password: String(form.get('password') ?? ''),
    displayName: text(form, 'displayName'),
    phone: optional(text(form, 'phone')),
    locale,
  };
  if (choice === 'cooperative') {
    const sector: Sector = oneOf(SECTORS, text(form, 'cooperative.sector')) ?? 'AGRICULTURE';
    input.cooperative = {
      name: text(form, 'cooperative.name'),
      registrationNumber: text(form, 'cooperative.registrationNumber'),
      sector,
      subsector: text(form, 'cooperative.subsector'),
      areaCode: text(form, 'cooperative.areaCode'),
      address: optional(text(form, 'cooperative.address')),
      memberCount: Number(text(form, 'cooperative.memberCount')),
      charterCapital: parseVndInput(text(form, 'cooperative.charterCapital')),
      establishedOn: text(form, 'cooperative.establishedOn'),
      phone: optional(text(form, 'phone')),
    };
  }
  if (choice === 'business') {
    const kinds = form
      .getAll('business.kinds')
      .map((k) => oneOf(BUSINESS_KINDS, String(k)))
      .filter((k): k is BusinessKind => k !== undefined);
    input.business = {
      name: text(form, 'business.name'),
      taxCode: text(form, 'business.taxCode').replace('-', ''),
      kinds,
      areaCode: text(form, 'business.areaCode'),
      address: optional(text(form, 'business.address')),
      contactName: optional(text(form, 'business.contactName')) ?? text(form, 'displayName'),
      phone: optional(text(form, 'phone')),
      email: text(form, 'email'),
      website: optional(text(form, 'business.website')),
    };
  }
  return input;
}

/** A DUPLICATE result names the clashing input field; place it on the form. */
export function duplicateFieldPath(field: string | undefined, choice: OrganisationChoice): string {
  const name = (field ?? '').replace(/^input\./, '');
  if (name.includes('.') || name === 'email') return name;
  if (choice === 'cooperative') return `cooperative.${name || 'registrationNumber'}`;
  if (choice === 'business') return `business.${name || 'taxCode'}`;
  return name || 'email';
}
