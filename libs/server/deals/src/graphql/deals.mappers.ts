import type { DealRules } from '@prm/domain/deals';
import { firstYearValueMinor } from '@prm/domain/deals';
import { formatMoneyPlain, money } from '@prm/domain/money';
import type { DealRegistrationEntity, HouseAccountEntity, ProductEntity } from '../entities/deals.entities';
import type { ConflictMatch } from '../services/deal-registrations.service';
import { type ProductPricing, type SalesStage } from './deals.inputs';
import { type ConflictSource, type DealConflictModel, type DealRegistrationModel, type DealRulesModel, type DealStatus, type HouseAccountModel, type ProductModel } from './deals.models';

const amount = (minor: bigint, currency: string): string => formatMoneyPlain(money(minor, currency));

export function toProductModel(p: ProductEntity): ProductModel {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    productLine: p.productLine,
    pricing: p.pricing as ProductPricing,
    listPrice: amount(p.listPriceMinor, p.currency),
    currency: p.currency,
    active: p.active,
  };
}

export function toRulesModel(programId: string, r: DealRules): DealRulesModel {
  return {
    programId,
    protectionDays: r.protectionDays,
    maxExtensions: r.maxExtensions,
    extensionDays: r.extensionDays,
    reviewSlaBusinessDays: r.reviewSlaBusinessDays,
    minimumValue: amount(r.minimumValueMinor, r.minimumValueCurrency),
    minimumValueCurrency: r.minimumValueCurrency,
    allowHouseAccounts: r.allowHouseAccounts,
    reminderDays: [...r.reminderDays],
  };
}

export function toHouseAccountModel(h: HouseAccountEntity): HouseAccountModel {
  return { id: h.id, companyName: h.companyName, domain: h.domain, country: h.country, notes: h.notes, createdAt: h.createdAt };
}

export function toRegistrationModel(r: DealRegistrationEntity): DealRegistrationModel {
  return {
    id: r.id,
    number: r.number,
    organisationId: r.organisationId,
    programId: r.programId,
    registeredByUserId: r.registeredByUserId,
    status: r.status as DealStatus,
    customerName: r.customerName,
    customerDomain: r.customerDomain,
    customerCountry: r.customerCountry,
    customerCity: r.customerCity,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    currency: r.currency,
    estimatedMrr: amount(r.estimatedMrrMinor, r.currency),
    estimatedOneTime: amount(r.estimatedOneTimeMinor, r.currency),
    estimatedFirstYearValue: amount(firstYearValueMinor(r.estimatedMrrMinor, r.estimatedOneTimeMinor), r.currency),
    expectedCloseDate: r.expectedCloseDate,
    salesStage: r.salesStage as SalesStage,
    notes: r.notes,
    fromVendorLead: r.fromVendorLead,
    possibleConflict: r.possibleConflict,
    submittedAt: r.submittedAt,
    reviewDueAt: r.reviewDueAt,
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
    approvedAt: r.approvedAt,
    protectionEndsAt: r.protectionEndsAt,
    extensionsUsed: r.extensionsUsed,
    extensionRequestedAt: r.extensionRequestedAt,
    extensionReason: r.extensionReason,
    actualMrr: r.actualMrrMinor === null ? null : amount(r.actualMrrMinor, r.currency),
    actualOneTime: r.actualOneTimeMinor === null ? null : amount(r.actualOneTimeMinor, r.currency),
    actualCloseDate: r.actualCloseDate,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toConflictModel(m: ConflictMatch & { organisationName?: string | null }): DealConflictModel {
  return {
    source: m.source as ConflictSource,
    score: m.score,
    reasons: m.reasons,
    nameSimilarity: m.nameSimilarity.toFixed(4),
    registrationId: m.registrationId,
    registrationNumber: m.registrationNumber,
    registrationStatus: m.registrationStatus as DealStatus | null,
    organisationId: m.organisationId,
    organisationName: m.organisationName ?? null,
    houseAccountId: m.houseAccountId,
    customerName: m.customerName,
    customerDomain: m.customerDomain,
    customerCountry: m.customerCountry,
    protectionEndsAt: m.protectionEndsAt,
  };
}
