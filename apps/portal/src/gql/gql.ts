/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.AuditActorsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query DealMetrics($input: DealMetricsInput!) {\n    dealMetrics(input: $input) {\n      key\n      label\n      registrations\n      pending\n      approved\n      rejected\n      won\n      lost\n      expired\n      approvalRate\n      medianHoursToDecision\n      winRate\n      averageWonValue\n      pipelineValue\n      leadsAssigned\n      leadsAccepted\n      leadAcceptanceRate\n      medianLeadResponseHours\n    }\n  }\n": typeof types.DealMetricsDocument,
    "\n  query DealReviewQueue($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealReviewQueue(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          number\n          status\n          customerName\n          customerDomain\n          customerCountry\n          currency\n          estimatedFirstYearValue\n          fromVendorLead\n          possibleConflict\n          submittedAt\n          reviewDueAt\n          reviewOverdue\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.DealReviewQueueDocument,
    "\n  mutation DecideDealRegistrations($ids: [ID!]!, $decision: String!, $reason: String) {\n    decideDealRegistrations(ids: $ids, decision: $decision, reason: $reason) {\n      id\n      ok\n      code\n      message\n    }\n  }\n": typeof types.DecideDealRegistrationsDocument,
    "\n  fragment DealRulesPanel on DealRules {\n    programId\n    protectionDays\n    maxExtensions\n    extensionDays\n    reviewSlaBusinessDays\n    minimumValue\n    minimumValueCurrency\n    allowHouseAccounts\n    reminderDays\n  }\n": typeof types.DealRulesPanelFragmentDoc,
    "\n  fragment DealRow on DealRegistration {\n    id\n    number\n    status\n    customerName\n    customerDomain\n    customerCountry\n    currency\n    estimatedMrr\n    estimatedOneTime\n    estimatedFirstYearValue\n    expectedCloseDate\n    salesStage\n    possibleConflict\n    protectionEndsAt\n    protectionDaysLeft\n    extensionRequestedAt\n    submittedAt\n    createdAt\n    organisation {\n      id\n      name\n    }\n  }\n": typeof types.DealRowFragmentDoc,
    "\n  fragment DealDetail on DealRegistration {\n    ...DealRow\n    programId\n    customerCity\n    contactName\n    contactEmail\n    contactPhone\n    notes\n    fromVendorLead\n    reviewDueAt\n    reviewOverdue\n    decidedAt\n    decisionReason\n    approvedAt\n    extensionsUsed\n    extensionReason\n    actualMrr\n    actualOneTime\n    actualCloseDate\n    updatedAt\n    products {\n      productId\n      sku\n      name\n      productLine\n      quantity\n    }\n    rules {\n      ...DealRulesPanel\n    }\n    timeline {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      actorName\n      actorSide\n      note\n    }\n  }\n": typeof types.DealDetailFragmentDoc,
    "\n  query DealRegistrations($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealRegistrations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...DealRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.DealRegistrationsDocument,
    "\n  query DealRegistration($id: ID!) {\n    dealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n": typeof types.DealRegistrationDocument,
    "\n  query DealConflicts($id: ID!) {\n    dealConflicts(id: $id) {\n      source\n      score\n      reasons\n      nameSimilarity\n      registrationId\n      registrationNumber\n      registrationStatus\n      organisationId\n      organisationName\n      houseAccountId\n      customerName\n      customerDomain\n      customerCountry\n      protectionEndsAt\n    }\n  }\n": typeof types.DealConflictsDocument,
    "\n  query DealFormContext {\n    me {\n      id\n      organisation {\n        id\n        country\n        currency\n        enrolments {\n          id\n          program {\n            id\n            name\n          }\n        }\n      }\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n": typeof types.DealFormContextDocument,
    "\n  query DealRules($programId: ID!) {\n    dealRules(programId: $programId) {\n      ...DealRulesPanel\n    }\n  }\n": typeof types.DealRulesDocument,
    "\n  query CheckDealConflicts($input: DealConflictCheckInput!) {\n    checkDealConflicts(input: $input) {\n      domain\n      normalisedName\n      matches {\n        source\n        score\n        registrationId\n        registrationNumber\n        registrationStatus\n        customerName\n        customerDomain\n      }\n    }\n  }\n": typeof types.CheckDealConflictsDocument,
    "\n  mutation CreateDealRegistration($input: CreateDealRegistrationInput!) {\n    createDealRegistration(input: $input) {\n      ...DealDetail\n    }\n  }\n": typeof types.CreateDealRegistrationDocument,
    "\n  mutation UpdateDealRegistration($id: ID!, $input: UpdateDealRegistrationInput!) {\n    updateDealRegistration(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n": typeof types.UpdateDealRegistrationDocument,
    "\n  mutation SubmitDealRegistration($id: ID!) {\n    submitDealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n": typeof types.SubmitDealRegistrationDocument,
    "\n  mutation RequestDealExtension($id: ID!, $reason: String!) {\n    requestDealExtension(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": typeof types.RequestDealExtensionDocument,
    "\n  mutation MarkDealWon($id: ID!, $input: MarkDealWonInput!) {\n    markDealWon(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n": typeof types.MarkDealWonDocument,
    "\n  mutation MarkDealLost($id: ID!, $reason: String!) {\n    markDealLost(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": typeof types.MarkDealLostDocument,
    "\n  mutation ApproveDealRegistration($id: ID!, $note: String) {\n    approveDealRegistration(id: $id, note: $note) {\n      ...DealDetail\n    }\n  }\n": typeof types.ApproveDealRegistrationDocument,
    "\n  mutation RejectDealRegistration($id: ID!, $reason: String!) {\n    rejectDealRegistration(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": typeof types.RejectDealRegistrationDocument,
    "\n  mutation RequestDealInformation($id: ID!, $reason: String!) {\n    requestDealInformation(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": typeof types.RequestDealInformationDocument,
    "\n  mutation DecideDealExtension($id: ID!, $approve: Boolean!, $note: String) {\n    decideDealExtension(id: $id, approve: $approve, note: $note) {\n      ...DealDetail\n    }\n  }\n": typeof types.DecideDealExtensionDocument,
    "\n  query HouseAccounts($first: Int!, $after: String, $search: String) {\n    houseAccounts(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          companyName\n          domain\n          country\n          notes\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.HouseAccountsDocument,
    "\n  mutation CreateHouseAccount($input: CreateHouseAccountInput!) {\n    createHouseAccount(input: $input) {\n      id\n      companyName\n      domain\n      country\n      notes\n      createdAt\n    }\n  }\n": typeof types.CreateHouseAccountDocument,
    "\n  mutation DeleteHouseAccount($id: ID!) {\n    deleteHouseAccount(id: $id)\n  }\n": typeof types.DeleteHouseAccountDocument,
    "\n  mutation ImportHouseAccounts($input: ImportHouseAccountsInput!) {\n    importHouseAccounts(input: $input) {\n      applied\n      rows\n      imported\n      updated\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": typeof types.ImportHouseAccountsDocument,
    "\n  fragment LeadRow on Lead {\n    id\n    number\n    status\n    companyName\n    domain\n    country\n    city\n    contactName\n    currency\n    estimatedMrr\n    respondBy\n    registrationId\n    source\n    createdAt\n    assignedOrganisation {\n      id\n      name\n    }\n  }\n": typeof types.LeadRowFragmentDoc,
    "\n  fragment LeadDetail on Lead {\n    ...LeadRow\n    contactEmail\n    contactPhone\n    notes\n    programId\n    productIds\n    assignments {\n      id\n      organisationId\n      method\n      assignedAt\n      respondBy\n      outcome\n      outcomeAt\n      declineReason\n      responseSeconds\n    }\n  }\n": typeof types.LeadDetailFragmentDoc,
    "\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...LeadRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.LeadsDocument,
    "\n  query Lead($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetail\n    }\n  }\n": typeof types.LeadDocument,
    "\n  query LeadOptions {\n    programs {\n      id\n      name\n      active\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n": typeof types.LeadOptionsDocument,
    "\n  query LeadPartnerOptions($first: Int!, $filter: PartnerFilter) {\n    partners(first: $first, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.LeadPartnerOptionsDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      ...LeadDetail\n    }\n  }\n": typeof types.CreateLeadDocument,
    "\n  mutation AssignLead($id: ID!, $organisationId: ID) {\n    assignLead(id: $id, organisationId: $organisationId) {\n      ...LeadDetail\n    }\n  }\n": typeof types.AssignLeadDocument,
    "\n  mutation WithdrawLead($id: ID!, $close: Boolean!) {\n    withdrawLead(id: $id, close: $close) {\n      ...LeadDetail\n    }\n  }\n": typeof types.WithdrawLeadDocument,
    "\n  mutation AcceptLead($id: ID!) {\n    acceptLead(id: $id) {\n      ...LeadDetail\n    }\n  }\n": typeof types.AcceptLeadDocument,
    "\n  mutation DeclineLead($id: ID!, $reason: String!) {\n    declineLead(id: $id, reason: $reason)\n  }\n": typeof types.DeclineLeadDocument,
    "\n  mutation ImportLeads($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      applied\n      rows\n      imported\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": typeof types.ImportLeadsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          title\n          body\n          entityType\n          entityId\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n": typeof types.PartnerProfileFragmentDoc,
    "\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n": typeof types.PartnerDetailDocument,
    "\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PartnerTierHistoryDocument,
    "\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PartnerUsersDocument,
    "\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ChannelManagersDocument,
    "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n": typeof types.UpdatePartnerDocument,
    "\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n": typeof types.OverrideTierDocument,
    "\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n": typeof types.PartnerHomeDocument,
    "\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n": typeof types.UpdateMyOrganisationDocument,
    "\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PartnersDocument,
    "\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PartnerFilterOptionsDocument,
    "\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n": typeof types.TierDetailsFragmentDoc,
    "\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n": typeof types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateProgramDocument,
    "\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n": typeof types.CreateTierDocument,
    "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n": typeof types.UpdateTierDocument,
    "\n  query RevenueSummary($organisationId: ID, $month: String) {\n    revenueSummary(organisationId: $organisationId, month: $month) {\n      organisationId\n      month\n      currency\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      cohortStartMrr\n      logoChurnRate\n      grossMrrChurn\n      netMrrChurn\n      arpa\n      ltv\n      ltvNote\n      trend {\n        month\n        mrr\n        arr\n        customers\n      }\n      waterfall {\n        opening\n        new\n        expansion\n        reactivation\n        transferIn\n        contraction\n        churn\n        transferOut\n        fx\n        closing\n      }\n    }\n  }\n": typeof types.RevenueSummaryDocument,
    "\n  query UpcomingRenewals($organisationId: ID) {\n    upcomingRenewals(organisationId: $organisationId) {\n      subscriptionId\n      customerId\n      customerName\n      organisationId\n      productId\n      termEndsOn\n      daysLeft\n      mrr\n      currency\n    }\n    products(activeOnly: false) {\n      id\n      name\n    }\n  }\n": typeof types.UpcomingRenewalsDocument,
    "\n  query RevenueMovements($filter: RevenueMovementFilter, $first: Int!, $after: String) {\n    revenueMovements(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          date\n          kind\n          amount\n          currency\n          cause\n          customerId\n          customerName\n          organisationId\n          subscriptionId\n          sourceId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.RevenueMovementsDocument,
    "\n  query ExchangeRates {\n    exchangeRates {\n      currency\n      rate\n      validFrom\n    }\n  }\n": typeof types.ExchangeRatesDocument,
    "\n  query RevenueLeaderboard(\n    $sort: RevenueLeaderboardSort!\n    $descending: Boolean!\n    $first: Int!\n    $after: String\n    $month: String\n    $filter: RevenueLeaderboardFilter\n  ) {\n    revenueLeaderboard(sort: $sort, descending: $descending, first: $first, after: $after, month: $month, filter: $filter) {\n      month\n      currency\n      totalCount\n      endCursor\n      hasNextPage\n      rows {\n        organisationId\n        name\n        country\n        mrr\n        arr\n        mrrGrowth\n        nrr\n        grr\n        logoChurnRate\n        customers\n      }\n    }\n  }\n": typeof types.RevenueLeaderboardDocument,
    "\n  query RevenueRollup($groupBy: RevenueGroupBy!, $month: String) {\n    revenueRollup(groupBy: $groupBy, month: $month) {\n      key\n      label\n      partners\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      logoChurnRate\n    }\n  }\n": typeof types.RevenueRollupDocument,
    "\n  query RevenueCohorts {\n    revenueCohorts {\n      quarter\n      partners\n      startMrr\n      quarters {\n        offset\n        mrr\n        retention\n      }\n    }\n  }\n": typeof types.RevenueCohortsDocument,
    "\n  query RevenueCustomer($id: ID!) {\n    revenueCustomer(id: $id) {\n      id\n      name\n      domain\n      country\n      externalId\n      createdAt\n      organisationId\n      organisation {\n        id\n        name\n      }\n      partnerHistory {\n        id\n        organisationId\n        effectiveFrom\n        organisation {\n          id\n          name\n        }\n      }\n      subscriptions {\n        id\n        productId\n        productName\n        externalId\n        status\n        currency\n        mrr\n        termEndsOn\n        events {\n          id\n          kind\n          effectiveDate\n          recordedOn\n          status\n          quantity\n          unitPrice\n          intervalMonths\n          currency\n          discountPercent\n          discountAmount\n          discountEndsOn\n          paidThrough\n          termEndsOn\n          cancelledOn\n          earlyRenewal\n          source\n          externalEventId\n          mrr\n        }\n      }\n    }\n  }\n": typeof types.RevenueCustomerDocument,
    "\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.TierChangesDocument,
    "\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n": typeof types.ProgramTierNamesDocument,
    "\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.OrganisationNameDocument,
    "\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": typeof types.ApproveTierChangeDocument,
    "\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": typeof types.RejectTierChangeDocument,
    "\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n": typeof types.EvaluateTiersDocument,
    "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n": typeof types.TierStatusCardFragmentDoc,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n": typeof types.InvitationRowFragmentDoc,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.UserOrganisationsDocument,
    "\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.OrganisationUsersDocument,
    "\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
};
const documents: Documents = {
    "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.AuditActorsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query DealMetrics($input: DealMetricsInput!) {\n    dealMetrics(input: $input) {\n      key\n      label\n      registrations\n      pending\n      approved\n      rejected\n      won\n      lost\n      expired\n      approvalRate\n      medianHoursToDecision\n      winRate\n      averageWonValue\n      pipelineValue\n      leadsAssigned\n      leadsAccepted\n      leadAcceptanceRate\n      medianLeadResponseHours\n    }\n  }\n": types.DealMetricsDocument,
    "\n  query DealReviewQueue($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealReviewQueue(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          number\n          status\n          customerName\n          customerDomain\n          customerCountry\n          currency\n          estimatedFirstYearValue\n          fromVendorLead\n          possibleConflict\n          submittedAt\n          reviewDueAt\n          reviewOverdue\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.DealReviewQueueDocument,
    "\n  mutation DecideDealRegistrations($ids: [ID!]!, $decision: String!, $reason: String) {\n    decideDealRegistrations(ids: $ids, decision: $decision, reason: $reason) {\n      id\n      ok\n      code\n      message\n    }\n  }\n": types.DecideDealRegistrationsDocument,
    "\n  fragment DealRulesPanel on DealRules {\n    programId\n    protectionDays\n    maxExtensions\n    extensionDays\n    reviewSlaBusinessDays\n    minimumValue\n    minimumValueCurrency\n    allowHouseAccounts\n    reminderDays\n  }\n": types.DealRulesPanelFragmentDoc,
    "\n  fragment DealRow on DealRegistration {\n    id\n    number\n    status\n    customerName\n    customerDomain\n    customerCountry\n    currency\n    estimatedMrr\n    estimatedOneTime\n    estimatedFirstYearValue\n    expectedCloseDate\n    salesStage\n    possibleConflict\n    protectionEndsAt\n    protectionDaysLeft\n    extensionRequestedAt\n    submittedAt\n    createdAt\n    organisation {\n      id\n      name\n    }\n  }\n": types.DealRowFragmentDoc,
    "\n  fragment DealDetail on DealRegistration {\n    ...DealRow\n    programId\n    customerCity\n    contactName\n    contactEmail\n    contactPhone\n    notes\n    fromVendorLead\n    reviewDueAt\n    reviewOverdue\n    decidedAt\n    decisionReason\n    approvedAt\n    extensionsUsed\n    extensionReason\n    actualMrr\n    actualOneTime\n    actualCloseDate\n    updatedAt\n    products {\n      productId\n      sku\n      name\n      productLine\n      quantity\n    }\n    rules {\n      ...DealRulesPanel\n    }\n    timeline {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      actorName\n      actorSide\n      note\n    }\n  }\n": types.DealDetailFragmentDoc,
    "\n  query DealRegistrations($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealRegistrations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...DealRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.DealRegistrationsDocument,
    "\n  query DealRegistration($id: ID!) {\n    dealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n": types.DealRegistrationDocument,
    "\n  query DealConflicts($id: ID!) {\n    dealConflicts(id: $id) {\n      source\n      score\n      reasons\n      nameSimilarity\n      registrationId\n      registrationNumber\n      registrationStatus\n      organisationId\n      organisationName\n      houseAccountId\n      customerName\n      customerDomain\n      customerCountry\n      protectionEndsAt\n    }\n  }\n": types.DealConflictsDocument,
    "\n  query DealFormContext {\n    me {\n      id\n      organisation {\n        id\n        country\n        currency\n        enrolments {\n          id\n          program {\n            id\n            name\n          }\n        }\n      }\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n": types.DealFormContextDocument,
    "\n  query DealRules($programId: ID!) {\n    dealRules(programId: $programId) {\n      ...DealRulesPanel\n    }\n  }\n": types.DealRulesDocument,
    "\n  query CheckDealConflicts($input: DealConflictCheckInput!) {\n    checkDealConflicts(input: $input) {\n      domain\n      normalisedName\n      matches {\n        source\n        score\n        registrationId\n        registrationNumber\n        registrationStatus\n        customerName\n        customerDomain\n      }\n    }\n  }\n": types.CheckDealConflictsDocument,
    "\n  mutation CreateDealRegistration($input: CreateDealRegistrationInput!) {\n    createDealRegistration(input: $input) {\n      ...DealDetail\n    }\n  }\n": types.CreateDealRegistrationDocument,
    "\n  mutation UpdateDealRegistration($id: ID!, $input: UpdateDealRegistrationInput!) {\n    updateDealRegistration(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n": types.UpdateDealRegistrationDocument,
    "\n  mutation SubmitDealRegistration($id: ID!) {\n    submitDealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n": types.SubmitDealRegistrationDocument,
    "\n  mutation RequestDealExtension($id: ID!, $reason: String!) {\n    requestDealExtension(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": types.RequestDealExtensionDocument,
    "\n  mutation MarkDealWon($id: ID!, $input: MarkDealWonInput!) {\n    markDealWon(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n": types.MarkDealWonDocument,
    "\n  mutation MarkDealLost($id: ID!, $reason: String!) {\n    markDealLost(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": types.MarkDealLostDocument,
    "\n  mutation ApproveDealRegistration($id: ID!, $note: String) {\n    approveDealRegistration(id: $id, note: $note) {\n      ...DealDetail\n    }\n  }\n": types.ApproveDealRegistrationDocument,
    "\n  mutation RejectDealRegistration($id: ID!, $reason: String!) {\n    rejectDealRegistration(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": types.RejectDealRegistrationDocument,
    "\n  mutation RequestDealInformation($id: ID!, $reason: String!) {\n    requestDealInformation(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n": types.RequestDealInformationDocument,
    "\n  mutation DecideDealExtension($id: ID!, $approve: Boolean!, $note: String) {\n    decideDealExtension(id: $id, approve: $approve, note: $note) {\n      ...DealDetail\n    }\n  }\n": types.DecideDealExtensionDocument,
    "\n  query HouseAccounts($first: Int!, $after: String, $search: String) {\n    houseAccounts(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          companyName\n          domain\n          country\n          notes\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.HouseAccountsDocument,
    "\n  mutation CreateHouseAccount($input: CreateHouseAccountInput!) {\n    createHouseAccount(input: $input) {\n      id\n      companyName\n      domain\n      country\n      notes\n      createdAt\n    }\n  }\n": types.CreateHouseAccountDocument,
    "\n  mutation DeleteHouseAccount($id: ID!) {\n    deleteHouseAccount(id: $id)\n  }\n": types.DeleteHouseAccountDocument,
    "\n  mutation ImportHouseAccounts($input: ImportHouseAccountsInput!) {\n    importHouseAccounts(input: $input) {\n      applied\n      rows\n      imported\n      updated\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": types.ImportHouseAccountsDocument,
    "\n  fragment LeadRow on Lead {\n    id\n    number\n    status\n    companyName\n    domain\n    country\n    city\n    contactName\n    currency\n    estimatedMrr\n    respondBy\n    registrationId\n    source\n    createdAt\n    assignedOrganisation {\n      id\n      name\n    }\n  }\n": types.LeadRowFragmentDoc,
    "\n  fragment LeadDetail on Lead {\n    ...LeadRow\n    contactEmail\n    contactPhone\n    notes\n    programId\n    productIds\n    assignments {\n      id\n      organisationId\n      method\n      assignedAt\n      respondBy\n      outcome\n      outcomeAt\n      declineReason\n      responseSeconds\n    }\n  }\n": types.LeadDetailFragmentDoc,
    "\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...LeadRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.LeadsDocument,
    "\n  query Lead($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetail\n    }\n  }\n": types.LeadDocument,
    "\n  query LeadOptions {\n    programs {\n      id\n      name\n      active\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n": types.LeadOptionsDocument,
    "\n  query LeadPartnerOptions($first: Int!, $filter: PartnerFilter) {\n    partners(first: $first, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.LeadPartnerOptionsDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      ...LeadDetail\n    }\n  }\n": types.CreateLeadDocument,
    "\n  mutation AssignLead($id: ID!, $organisationId: ID) {\n    assignLead(id: $id, organisationId: $organisationId) {\n      ...LeadDetail\n    }\n  }\n": types.AssignLeadDocument,
    "\n  mutation WithdrawLead($id: ID!, $close: Boolean!) {\n    withdrawLead(id: $id, close: $close) {\n      ...LeadDetail\n    }\n  }\n": types.WithdrawLeadDocument,
    "\n  mutation AcceptLead($id: ID!) {\n    acceptLead(id: $id) {\n      ...LeadDetail\n    }\n  }\n": types.AcceptLeadDocument,
    "\n  mutation DeclineLead($id: ID!, $reason: String!) {\n    declineLead(id: $id, reason: $reason)\n  }\n": types.DeclineLeadDocument,
    "\n  mutation ImportLeads($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      applied\n      rows\n      imported\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": types.ImportLeadsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          title\n          body\n          entityType\n          entityId\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n": types.PartnerProfileFragmentDoc,
    "\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n": types.PartnerDetailDocument,
    "\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PartnerTierHistoryDocument,
    "\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PartnerUsersDocument,
    "\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ChannelManagersDocument,
    "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n": types.UpdatePartnerDocument,
    "\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n": types.OverrideTierDocument,
    "\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n": types.PartnerHomeDocument,
    "\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n": types.UpdateMyOrganisationDocument,
    "\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PartnersDocument,
    "\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PartnerFilterOptionsDocument,
    "\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n": types.TierDetailsFragmentDoc,
    "\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n": types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateProgramDocument,
    "\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n": types.CreateTierDocument,
    "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n": types.UpdateTierDocument,
    "\n  query RevenueSummary($organisationId: ID, $month: String) {\n    revenueSummary(organisationId: $organisationId, month: $month) {\n      organisationId\n      month\n      currency\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      cohortStartMrr\n      logoChurnRate\n      grossMrrChurn\n      netMrrChurn\n      arpa\n      ltv\n      ltvNote\n      trend {\n        month\n        mrr\n        arr\n        customers\n      }\n      waterfall {\n        opening\n        new\n        expansion\n        reactivation\n        transferIn\n        contraction\n        churn\n        transferOut\n        fx\n        closing\n      }\n    }\n  }\n": types.RevenueSummaryDocument,
    "\n  query UpcomingRenewals($organisationId: ID) {\n    upcomingRenewals(organisationId: $organisationId) {\n      subscriptionId\n      customerId\n      customerName\n      organisationId\n      productId\n      termEndsOn\n      daysLeft\n      mrr\n      currency\n    }\n    products(activeOnly: false) {\n      id\n      name\n    }\n  }\n": types.UpcomingRenewalsDocument,
    "\n  query RevenueMovements($filter: RevenueMovementFilter, $first: Int!, $after: String) {\n    revenueMovements(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          date\n          kind\n          amount\n          currency\n          cause\n          customerId\n          customerName\n          organisationId\n          subscriptionId\n          sourceId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.RevenueMovementsDocument,
    "\n  query ExchangeRates {\n    exchangeRates {\n      currency\n      rate\n      validFrom\n    }\n  }\n": types.ExchangeRatesDocument,
    "\n  query RevenueLeaderboard(\n    $sort: RevenueLeaderboardSort!\n    $descending: Boolean!\n    $first: Int!\n    $after: String\n    $month: String\n    $filter: RevenueLeaderboardFilter\n  ) {\n    revenueLeaderboard(sort: $sort, descending: $descending, first: $first, after: $after, month: $month, filter: $filter) {\n      month\n      currency\n      totalCount\n      endCursor\n      hasNextPage\n      rows {\n        organisationId\n        name\n        country\n        mrr\n        arr\n        mrrGrowth\n        nrr\n        grr\n        logoChurnRate\n        customers\n      }\n    }\n  }\n": types.RevenueLeaderboardDocument,
    "\n  query RevenueRollup($groupBy: RevenueGroupBy!, $month: String) {\n    revenueRollup(groupBy: $groupBy, month: $month) {\n      key\n      label\n      partners\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      logoChurnRate\n    }\n  }\n": types.RevenueRollupDocument,
    "\n  query RevenueCohorts {\n    revenueCohorts {\n      quarter\n      partners\n      startMrr\n      quarters {\n        offset\n        mrr\n        retention\n      }\n    }\n  }\n": types.RevenueCohortsDocument,
    "\n  query RevenueCustomer($id: ID!) {\n    revenueCustomer(id: $id) {\n      id\n      name\n      domain\n      country\n      externalId\n      createdAt\n      organisationId\n      organisation {\n        id\n        name\n      }\n      partnerHistory {\n        id\n        organisationId\n        effectiveFrom\n        organisation {\n          id\n          name\n        }\n      }\n      subscriptions {\n        id\n        productId\n        productName\n        externalId\n        status\n        currency\n        mrr\n        termEndsOn\n        events {\n          id\n          kind\n          effectiveDate\n          recordedOn\n          status\n          quantity\n          unitPrice\n          intervalMonths\n          currency\n          discountPercent\n          discountAmount\n          discountEndsOn\n          paidThrough\n          termEndsOn\n          cancelledOn\n          earlyRenewal\n          source\n          externalEventId\n          mrr\n        }\n      }\n    }\n  }\n": types.RevenueCustomerDocument,
    "\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.TierChangesDocument,
    "\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n": types.ProgramTierNamesDocument,
    "\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n": types.OrganisationNameDocument,
    "\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": types.ApproveTierChangeDocument,
    "\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": types.RejectTierChangeDocument,
    "\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n": types.EvaluateTiersDocument,
    "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n": types.TierStatusCardFragmentDoc,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n": types.UserRowFragmentDoc,
    "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n": types.InvitationRowFragmentDoc,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.UserOrganisationsDocument,
    "\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.OrganisationUsersDocument,
    "\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n": types.RevokeApiKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    name\n    email\n    role\n    organisationId\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          actorUserId\n          actorApiKeyId\n          entityType\n          entityId\n          operation\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditActors {\n    users(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      expiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealMetrics($input: DealMetricsInput!) {\n    dealMetrics(input: $input) {\n      key\n      label\n      registrations\n      pending\n      approved\n      rejected\n      won\n      lost\n      expired\n      approvalRate\n      medianHoursToDecision\n      winRate\n      averageWonValue\n      pipelineValue\n      leadsAssigned\n      leadsAccepted\n      leadAcceptanceRate\n      medianLeadResponseHours\n    }\n  }\n"): (typeof documents)["\n  query DealMetrics($input: DealMetricsInput!) {\n    dealMetrics(input: $input) {\n      key\n      label\n      registrations\n      pending\n      approved\n      rejected\n      won\n      lost\n      expired\n      approvalRate\n      medianHoursToDecision\n      winRate\n      averageWonValue\n      pipelineValue\n      leadsAssigned\n      leadsAccepted\n      leadAcceptanceRate\n      medianLeadResponseHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealReviewQueue($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealReviewQueue(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          number\n          status\n          customerName\n          customerDomain\n          customerCountry\n          currency\n          estimatedFirstYearValue\n          fromVendorLead\n          possibleConflict\n          submittedAt\n          reviewDueAt\n          reviewOverdue\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealReviewQueue($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealReviewQueue(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          number\n          status\n          customerName\n          customerDomain\n          customerCountry\n          currency\n          estimatedFirstYearValue\n          fromVendorLead\n          possibleConflict\n          submittedAt\n          reviewDueAt\n          reviewOverdue\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideDealRegistrations($ids: [ID!]!, $decision: String!, $reason: String) {\n    decideDealRegistrations(ids: $ids, decision: $decision, reason: $reason) {\n      id\n      ok\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation DecideDealRegistrations($ids: [ID!]!, $decision: String!, $reason: String) {\n    decideDealRegistrations(ids: $ids, decision: $decision, reason: $reason) {\n      id\n      ok\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealRulesPanel on DealRules {\n    programId\n    protectionDays\n    maxExtensions\n    extensionDays\n    reviewSlaBusinessDays\n    minimumValue\n    minimumValueCurrency\n    allowHouseAccounts\n    reminderDays\n  }\n"): (typeof documents)["\n  fragment DealRulesPanel on DealRules {\n    programId\n    protectionDays\n    maxExtensions\n    extensionDays\n    reviewSlaBusinessDays\n    minimumValue\n    minimumValueCurrency\n    allowHouseAccounts\n    reminderDays\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealRow on DealRegistration {\n    id\n    number\n    status\n    customerName\n    customerDomain\n    customerCountry\n    currency\n    estimatedMrr\n    estimatedOneTime\n    estimatedFirstYearValue\n    expectedCloseDate\n    salesStage\n    possibleConflict\n    protectionEndsAt\n    protectionDaysLeft\n    extensionRequestedAt\n    submittedAt\n    createdAt\n    organisation {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DealRow on DealRegistration {\n    id\n    number\n    status\n    customerName\n    customerDomain\n    customerCountry\n    currency\n    estimatedMrr\n    estimatedOneTime\n    estimatedFirstYearValue\n    expectedCloseDate\n    salesStage\n    possibleConflict\n    protectionEndsAt\n    protectionDaysLeft\n    extensionRequestedAt\n    submittedAt\n    createdAt\n    organisation {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealDetail on DealRegistration {\n    ...DealRow\n    programId\n    customerCity\n    contactName\n    contactEmail\n    contactPhone\n    notes\n    fromVendorLead\n    reviewDueAt\n    reviewOverdue\n    decidedAt\n    decisionReason\n    approvedAt\n    extensionsUsed\n    extensionReason\n    actualMrr\n    actualOneTime\n    actualCloseDate\n    updatedAt\n    products {\n      productId\n      sku\n      name\n      productLine\n      quantity\n    }\n    rules {\n      ...DealRulesPanel\n    }\n    timeline {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      actorName\n      actorSide\n      note\n    }\n  }\n"): (typeof documents)["\n  fragment DealDetail on DealRegistration {\n    ...DealRow\n    programId\n    customerCity\n    contactName\n    contactEmail\n    contactPhone\n    notes\n    fromVendorLead\n    reviewDueAt\n    reviewOverdue\n    decidedAt\n    decisionReason\n    approvedAt\n    extensionsUsed\n    extensionReason\n    actualMrr\n    actualOneTime\n    actualCloseDate\n    updatedAt\n    products {\n      productId\n      sku\n      name\n      productLine\n      quantity\n    }\n    rules {\n      ...DealRulesPanel\n    }\n    timeline {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      actorName\n      actorSide\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealRegistrations($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealRegistrations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...DealRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealRegistrations($first: Int!, $after: String, $filter: DealRegistrationFilter) {\n    dealRegistrations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...DealRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealRegistration($id: ID!) {\n    dealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  query DealRegistration($id: ID!) {\n    dealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealConflicts($id: ID!) {\n    dealConflicts(id: $id) {\n      source\n      score\n      reasons\n      nameSimilarity\n      registrationId\n      registrationNumber\n      registrationStatus\n      organisationId\n      organisationName\n      houseAccountId\n      customerName\n      customerDomain\n      customerCountry\n      protectionEndsAt\n    }\n  }\n"): (typeof documents)["\n  query DealConflicts($id: ID!) {\n    dealConflicts(id: $id) {\n      source\n      score\n      reasons\n      nameSimilarity\n      registrationId\n      registrationNumber\n      registrationStatus\n      organisationId\n      organisationName\n      houseAccountId\n      customerName\n      customerDomain\n      customerCountry\n      protectionEndsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealFormContext {\n    me {\n      id\n      organisation {\n        id\n        country\n        currency\n        enrolments {\n          id\n          program {\n            id\n            name\n          }\n        }\n      }\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n"): (typeof documents)["\n  query DealFormContext {\n    me {\n      id\n      organisation {\n        id\n        country\n        currency\n        enrolments {\n          id\n          program {\n            id\n            name\n          }\n        }\n      }\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealRules($programId: ID!) {\n    dealRules(programId: $programId) {\n      ...DealRulesPanel\n    }\n  }\n"): (typeof documents)["\n  query DealRules($programId: ID!) {\n    dealRules(programId: $programId) {\n      ...DealRulesPanel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckDealConflicts($input: DealConflictCheckInput!) {\n    checkDealConflicts(input: $input) {\n      domain\n      normalisedName\n      matches {\n        source\n        score\n        registrationId\n        registrationNumber\n        registrationStatus\n        customerName\n        customerDomain\n      }\n    }\n  }\n"): (typeof documents)["\n  query CheckDealConflicts($input: DealConflictCheckInput!) {\n    checkDealConflicts(input: $input) {\n      domain\n      normalisedName\n      matches {\n        source\n        score\n        registrationId\n        registrationNumber\n        registrationStatus\n        customerName\n        customerDomain\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDealRegistration($input: CreateDealRegistrationInput!) {\n    createDealRegistration(input: $input) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDealRegistration($input: CreateDealRegistrationInput!) {\n    createDealRegistration(input: $input) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDealRegistration($id: ID!, $input: UpdateDealRegistrationInput!) {\n    updateDealRegistration(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDealRegistration($id: ID!, $input: UpdateDealRegistrationInput!) {\n    updateDealRegistration(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDealRegistration($id: ID!) {\n    submitDealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitDealRegistration($id: ID!) {\n    submitDealRegistration(id: $id) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDealExtension($id: ID!, $reason: String!) {\n    requestDealExtension(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RequestDealExtension($id: ID!, $reason: String!) {\n    requestDealExtension(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkDealWon($id: ID!, $input: MarkDealWonInput!) {\n    markDealWon(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation MarkDealWon($id: ID!, $input: MarkDealWonInput!) {\n    markDealWon(id: $id, input: $input) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkDealLost($id: ID!, $reason: String!) {\n    markDealLost(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation MarkDealLost($id: ID!, $reason: String!) {\n    markDealLost(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDealRegistration($id: ID!, $note: String) {\n    approveDealRegistration(id: $id, note: $note) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveDealRegistration($id: ID!, $note: String) {\n    approveDealRegistration(id: $id, note: $note) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectDealRegistration($id: ID!, $reason: String!) {\n    rejectDealRegistration(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RejectDealRegistration($id: ID!, $reason: String!) {\n    rejectDealRegistration(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDealInformation($id: ID!, $reason: String!) {\n    requestDealInformation(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RequestDealInformation($id: ID!, $reason: String!) {\n    requestDealInformation(id: $id, reason: $reason) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideDealExtension($id: ID!, $approve: Boolean!, $note: String) {\n    decideDealExtension(id: $id, approve: $approve, note: $note) {\n      ...DealDetail\n    }\n  }\n"): (typeof documents)["\n  mutation DecideDealExtension($id: ID!, $approve: Boolean!, $note: String) {\n    decideDealExtension(id: $id, approve: $approve, note: $note) {\n      ...DealDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HouseAccounts($first: Int!, $after: String, $search: String) {\n    houseAccounts(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          companyName\n          domain\n          country\n          notes\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query HouseAccounts($first: Int!, $after: String, $search: String) {\n    houseAccounts(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          companyName\n          domain\n          country\n          notes\n          createdAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateHouseAccount($input: CreateHouseAccountInput!) {\n    createHouseAccount(input: $input) {\n      id\n      companyName\n      domain\n      country\n      notes\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateHouseAccount($input: CreateHouseAccountInput!) {\n    createHouseAccount(input: $input) {\n      id\n      companyName\n      domain\n      country\n      notes\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteHouseAccount($id: ID!) {\n    deleteHouseAccount(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteHouseAccount($id: ID!) {\n    deleteHouseAccount(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportHouseAccounts($input: ImportHouseAccountsInput!) {\n    importHouseAccounts(input: $input) {\n      applied\n      rows\n      imported\n      updated\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportHouseAccounts($input: ImportHouseAccountsInput!) {\n    importHouseAccounts(input: $input) {\n      applied\n      rows\n      imported\n      updated\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadRow on Lead {\n    id\n    number\n    status\n    companyName\n    domain\n    country\n    city\n    contactName\n    currency\n    estimatedMrr\n    respondBy\n    registrationId\n    source\n    createdAt\n    assignedOrganisation {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment LeadRow on Lead {\n    id\n    number\n    status\n    companyName\n    domain\n    country\n    city\n    contactName\n    currency\n    estimatedMrr\n    respondBy\n    registrationId\n    source\n    createdAt\n    assignedOrganisation {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadDetail on Lead {\n    ...LeadRow\n    contactEmail\n    contactPhone\n    notes\n    programId\n    productIds\n    assignments {\n      id\n      organisationId\n      method\n      assignedAt\n      respondBy\n      outcome\n      outcomeAt\n      declineReason\n      responseSeconds\n    }\n  }\n"): (typeof documents)["\n  fragment LeadDetail on Lead {\n    ...LeadRow\n    contactEmail\n    contactPhone\n    notes\n    programId\n    productIds\n    assignments {\n      id\n      organisationId\n      method\n      assignedAt\n      respondBy\n      outcome\n      outcomeAt\n      declineReason\n      responseSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...LeadRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Leads($first: Int!, $after: String, $filter: LeadFilter) {\n    leads(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...LeadRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lead($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetail\n    }\n  }\n"): (typeof documents)["\n  query Lead($id: ID!) {\n    lead(id: $id) {\n      ...LeadDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadOptions {\n    programs {\n      id\n      name\n      active\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n"): (typeof documents)["\n  query LeadOptions {\n    programs {\n      id\n      name\n      active\n    }\n    products {\n      id\n      sku\n      name\n      productLine\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadPartnerOptions($first: Int!, $filter: PartnerFilter) {\n    partners(first: $first, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadPartnerOptions($first: Int!, $filter: PartnerFilter) {\n    partners(first: $first, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      ...LeadDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      ...LeadDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignLead($id: ID!, $organisationId: ID) {\n    assignLead(id: $id, organisationId: $organisationId) {\n      ...LeadDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AssignLead($id: ID!, $organisationId: ID) {\n    assignLead(id: $id, organisationId: $organisationId) {\n      ...LeadDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawLead($id: ID!, $close: Boolean!) {\n    withdrawLead(id: $id, close: $close) {\n      ...LeadDetail\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawLead($id: ID!, $close: Boolean!) {\n    withdrawLead(id: $id, close: $close) {\n      ...LeadDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptLead($id: ID!) {\n    acceptLead(id: $id) {\n      ...LeadDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptLead($id: ID!) {\n    acceptLead(id: $id) {\n      ...LeadDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineLead($id: ID!, $reason: String!) {\n    declineLead(id: $id, reason: $reason)\n  }\n"): (typeof documents)["\n  mutation DeclineLead($id: ID!, $reason: String!) {\n    declineLead(id: $id, reason: $reason)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportLeads($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      applied\n      rows\n      imported\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportLeads($input: ImportLeadsInput!) {\n    importLeads(input: $input) {\n      applied\n      rows\n      imported\n      rejected\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          title\n          body\n          entityType\n          entityId\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          type\n          title\n          body\n          entityType\n          entityId\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment PartnerProfile on Organisation {\n    id\n    name\n    legalName\n    country\n    city\n    website\n    domain\n    vatNumber\n    segment\n    preferredLanguage\n    currency\n    status\n    createdAt\n    channelManagerId\n    channelManager {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n"): (typeof documents)["\n  query PartnerDetail($id: ID!) {\n    organisation(id: $id) {\n      ...PartnerProfile\n      enrolments {\n        id\n        enrolledAt\n        tierSince\n        program {\n          id\n          name\n          tiers {\n            id\n            name\n            rank\n          }\n        }\n        tier {\n          id\n          name\n        }\n      }\n    }\n    tierStatus(organisationId: $id) {\n      ...TierStatusCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerTierHistory($organisationId: ID!, $first: Int!, $after: String) {\n    tierChanges(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          decidedAt\n          effectiveAfter\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerUsers($organisationId: ID!, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChannelManagers {\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {\n    updatePartner(id: $id, input: $input) {\n      ...PartnerProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n"): (typeof documents)["\n  mutation OverrideTier($input: OverrideTierInput!) {\n    overrideTier(input: $input) {\n      id\n      status\n      kind\n      toTierId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n"): (typeof documents)["\n  query PartnerHome {\n    me {\n      id\n      role\n      organisation {\n        id\n        name\n        legalName\n        city\n        country\n        website\n        vatNumber\n        preferredLanguage\n      }\n    }\n    tierStatus {\n      ...TierStatusCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {\n    updateMyOrganisation(input: $input) {\n      id\n      legalName\n      city\n      website\n      domain\n      vatNumber\n      preferredLanguage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {\n    partners(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          city\n          country\n          status\n          channelManager {\n            id\n            name\n          }\n          enrolments {\n            id\n            program {\n              id\n              name\n            }\n            tier {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerFilterOptions {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    users(first: 100, filter: { role: CHANNEL_MANAGER }) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n"): (typeof documents)["\n  fragment TierDetails on Tier {\n    id\n    programId\n    name\n    rank\n    benefits {\n      rebateRate\n      mdfAccrualRate\n      dealRegistrationDiscount\n      referralCommissionRate\n      mdfCofundingPct\n    }\n    rules {\n      metric\n      min\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programs {\n    programs {\n      id\n      name\n      segment\n      description\n      active\n      demotionGraceDays\n      tiers {\n        ...TierDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTier($input: CreateTierInput!) {\n    createTier(input: $input) {\n      ...TierDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      ...TierDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueSummary($organisationId: ID, $month: String) {\n    revenueSummary(organisationId: $organisationId, month: $month) {\n      organisationId\n      month\n      currency\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      cohortStartMrr\n      logoChurnRate\n      grossMrrChurn\n      netMrrChurn\n      arpa\n      ltv\n      ltvNote\n      trend {\n        month\n        mrr\n        arr\n        customers\n      }\n      waterfall {\n        opening\n        new\n        expansion\n        reactivation\n        transferIn\n        contraction\n        churn\n        transferOut\n        fx\n        closing\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevenueSummary($organisationId: ID, $month: String) {\n    revenueSummary(organisationId: $organisationId, month: $month) {\n      organisationId\n      month\n      currency\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      cohortStartMrr\n      logoChurnRate\n      grossMrrChurn\n      netMrrChurn\n      arpa\n      ltv\n      ltvNote\n      trend {\n        month\n        mrr\n        arr\n        customers\n      }\n      waterfall {\n        opening\n        new\n        expansion\n        reactivation\n        transferIn\n        contraction\n        churn\n        transferOut\n        fx\n        closing\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpcomingRenewals($organisationId: ID) {\n    upcomingRenewals(organisationId: $organisationId) {\n      subscriptionId\n      customerId\n      customerName\n      organisationId\n      productId\n      termEndsOn\n      daysLeft\n      mrr\n      currency\n    }\n    products(activeOnly: false) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query UpcomingRenewals($organisationId: ID) {\n    upcomingRenewals(organisationId: $organisationId) {\n      subscriptionId\n      customerId\n      customerName\n      organisationId\n      productId\n      termEndsOn\n      daysLeft\n      mrr\n      currency\n    }\n    products(activeOnly: false) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueMovements($filter: RevenueMovementFilter, $first: Int!, $after: String) {\n    revenueMovements(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          date\n          kind\n          amount\n          currency\n          cause\n          customerId\n          customerName\n          organisationId\n          subscriptionId\n          sourceId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevenueMovements($filter: RevenueMovementFilter, $first: Int!, $after: String) {\n    revenueMovements(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          date\n          kind\n          amount\n          currency\n          cause\n          customerId\n          customerName\n          organisationId\n          subscriptionId\n          sourceId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExchangeRates {\n    exchangeRates {\n      currency\n      rate\n      validFrom\n    }\n  }\n"): (typeof documents)["\n  query ExchangeRates {\n    exchangeRates {\n      currency\n      rate\n      validFrom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueLeaderboard(\n    $sort: RevenueLeaderboardSort!\n    $descending: Boolean!\n    $first: Int!\n    $after: String\n    $month: String\n    $filter: RevenueLeaderboardFilter\n  ) {\n    revenueLeaderboard(sort: $sort, descending: $descending, first: $first, after: $after, month: $month, filter: $filter) {\n      month\n      currency\n      totalCount\n      endCursor\n      hasNextPage\n      rows {\n        organisationId\n        name\n        country\n        mrr\n        arr\n        mrrGrowth\n        nrr\n        grr\n        logoChurnRate\n        customers\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevenueLeaderboard(\n    $sort: RevenueLeaderboardSort!\n    $descending: Boolean!\n    $first: Int!\n    $after: String\n    $month: String\n    $filter: RevenueLeaderboardFilter\n  ) {\n    revenueLeaderboard(sort: $sort, descending: $descending, first: $first, after: $after, month: $month, filter: $filter) {\n      month\n      currency\n      totalCount\n      endCursor\n      hasNextPage\n      rows {\n        organisationId\n        name\n        country\n        mrr\n        arr\n        mrrGrowth\n        nrr\n        grr\n        logoChurnRate\n        customers\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueRollup($groupBy: RevenueGroupBy!, $month: String) {\n    revenueRollup(groupBy: $groupBy, month: $month) {\n      key\n      label\n      partners\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      logoChurnRate\n    }\n  }\n"): (typeof documents)["\n  query RevenueRollup($groupBy: RevenueGroupBy!, $month: String) {\n    revenueRollup(groupBy: $groupBy, month: $month) {\n      key\n      label\n      partners\n      mrr\n      arr\n      customers\n      nrr\n      grr\n      logoChurnRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueCohorts {\n    revenueCohorts {\n      quarter\n      partners\n      startMrr\n      quarters {\n        offset\n        mrr\n        retention\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevenueCohorts {\n    revenueCohorts {\n      quarter\n      partners\n      startMrr\n      quarters {\n        offset\n        mrr\n        retention\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueCustomer($id: ID!) {\n    revenueCustomer(id: $id) {\n      id\n      name\n      domain\n      country\n      externalId\n      createdAt\n      organisationId\n      organisation {\n        id\n        name\n      }\n      partnerHistory {\n        id\n        organisationId\n        effectiveFrom\n        organisation {\n          id\n          name\n        }\n      }\n      subscriptions {\n        id\n        productId\n        productName\n        externalId\n        status\n        currency\n        mrr\n        termEndsOn\n        events {\n          id\n          kind\n          effectiveDate\n          recordedOn\n          status\n          quantity\n          unitPrice\n          intervalMonths\n          currency\n          discountPercent\n          discountAmount\n          discountEndsOn\n          paidThrough\n          termEndsOn\n          cancelledOn\n          earlyRenewal\n          source\n          externalEventId\n          mrr\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevenueCustomer($id: ID!) {\n    revenueCustomer(id: $id) {\n      id\n      name\n      domain\n      country\n      externalId\n      createdAt\n      organisationId\n      organisation {\n        id\n        name\n      }\n      partnerHistory {\n        id\n        organisationId\n        effectiveFrom\n        organisation {\n          id\n          name\n        }\n      }\n      subscriptions {\n        id\n        productId\n        productName\n        externalId\n        status\n        currency\n        mrr\n        termEndsOn\n        events {\n          id\n          kind\n          effectiveDate\n          recordedOn\n          status\n          quantity\n          unitPrice\n          intervalMonths\n          currency\n          discountPercent\n          discountAmount\n          discountEndsOn\n          paidThrough\n          termEndsOn\n          cancelledOn\n          earlyRenewal\n          source\n          externalEventId\n          mrr\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query TierChanges($first: Int!, $after: String, $filter: TierChangeFilter) {\n    tierChanges(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          organisationId\n          programId\n          fromTierId\n          toTierId\n          reason\n          proposedAt\n          effectiveAfter\n          metrics {\n            metric\n            value\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgramTierNames {\n    programs {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query OrganisationName($id: ID!) {\n    organisation(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveTierChange($input: DecideTierChangeInput!) {\n    approveTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RejectTierChange($input: RejectTierChangeInput!) {\n    rejectTierChange(input: $input) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n"): (typeof documents)["\n  mutation EvaluateTiers {\n    evaluateTiers\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n"): (typeof documents)["\n  fragment TierStatusCard on TierStatus {\n    enrolment {\n      id\n      tierSince\n    }\n    program {\n      id\n      name\n      tiers {\n        id\n        name\n        rank\n      }\n    }\n    currentTier {\n      id\n      name\n      rank\n      benefits {\n        rebateRate\n        mdfAccrualRate\n        dealRegistrationDiscount\n        referralCommissionRate\n        mdfCofundingPct\n      }\n    }\n    nextTier {\n      id\n      name\n    }\n    nextTierRules {\n      metric\n      current\n      target\n      met\n      missing\n    }\n    pendingChange {\n      id\n      kind\n      status\n      toTierId\n      proposedAt\n      effectiveAfter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    status\n    lastLoginAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment InvitationRow on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    acceptedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserOrganisations {\n    partners(first: 100) {\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationUsers($organisationId: ID, $first: Int!, $after: String) {\n    users(first: $first, after: $after, filter: { organisationId: $organisationId }) {\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($organisationId: ID, $first: Int!, $after: String) {\n    invitations(first: $first, after: $after, organisationId: $organisationId) {\n      edges {\n        cursor\n        node {\n          ...InvitationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($organisationId: ID) {\n    apiKeys(organisationId: $organisationId) {\n      ...ApiKeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      inviteUrl\n      invitation {\n        ...InvitationRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...InvitationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyRow\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as Record<string, unknown>)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;