import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsISO31661Alpha2, IsISO4217CurrencyCode, IsString, IsUrl, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

// Field rules shared by the inputs of every bounded context, so each rule (and its message) is written once.
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
export const upper = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);
export const lower = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Trimmed text of 1 to `max` characters. */
export const Text = (max: number): PropertyDecorator => applyDecorators(Transform(trim), IsString(), Length(1, max));
export const CountryCode = (): PropertyDecorator =>
  applyDecorators(Transform(upper), IsISO31661Alpha2({ message: 'Use a two-letter country code such as NL or BE.' }));
export const CurrencyCode = (): PropertyDecorator =>
  applyDecorators(Transform(upper), IsISO4217CurrencyCode({ message: 'Use a currency code such as EUR.' }));
export const WebAddress = (): PropertyDecorator =>
  applyDecorators(Transform(trim), IsUrl({ require_protocol: false }, { message: 'Enter a web address such as https://example.com.' }), MaxLength(300));
export const EntityId = (): PropertyDecorator => IsUUID('all', { message: 'Not a valid id.' });
export const EmailAddress = (): PropertyDecorator =>
  applyDecorators(Transform(lower), IsEmail({}, { message: 'Enter a valid e-mail address.' }), MaxLength(254));
/** A non-negative amount with at most 2 decimals, as text ("1250.00"); exactness is checked again against the currency. */
export const MoneyAmount = (): PropertyDecorator =>
  applyDecorators(Transform(trim), IsString(), Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: 'Enter an amount such as 1250.00 (not negative, at most 2 decimals).' }));

/** Optional but not nullable: leaving the field out keeps the value; null is refused (the column is NOT NULL). */
export const OptionalNotNull = (): PropertyDecorator =>
  applyDecorators(ValidateIf((_object: object, value: unknown) => value !== undefined), IsDefined({ message: 'This field cannot be cleared.' }));

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A calendar date as YYYY-MM-DD text. */
export const CalendarDate = (): PropertyDecorator => applyDecorators(Transform(trim), IsString(), Matches(ISO_DATE, { message: 'Enter a date as YYYY-MM-DD.' }));
