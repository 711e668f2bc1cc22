import type en from '../../i18n/en.json';

type ServerMessageKey = keyof (typeof en)['serverMessages'];

/**
 * The API answers in English. Messages people act on are mapped to translations; anything not
 * listed is shown as the server wrote it rather than hidden.
 */
const KNOWN: Record<string, ServerMessageKey> = {
  'Enter a valid e-mail address.': 'invalidEmail',
  'E-mail address or password is incorrect.': 'badCredentials',
  'The password needs 10 to 200 characters.': 'passwordLength',
  'Use a two-letter country code such as NL or BE.': 'countryCode',
  'Enter a web address such as https://example.com.': 'website',
  'Enter a VAT number such as NL123456789B01.': 'vatNumber',
  'Use a currency code such as EUR.': 'currency',
  'Give a reason (up to 1000 characters).': 'reason',
  'Enter a non-negative number with at most 4 decimals.': 'decimal',
  'Someone with this e-mail address already has an account.': 'emailTaken',
  'That name or rank is already taken in this program.': 'tierTaken',
  'The partner is already in this tier.': 'alreadyInTier',
  'The partner’s tier changed since this proposal; evaluate again.': 'tierChangedSinceProposal',
  'This invitation has already been accepted.': 'invitationAccepted',
  'This organisation is suspended; activate it before inviting users.': 'organisationSuspended',
  'You cannot change the status of your own account.': 'ownAccountStatus',
  'Vendor staff get a vendor role.': 'vendorRole',
  'Partner users get a partner role.': 'partnerRole',
  'This tier does not belong to the partner’s program.': 'tierNotInProgram',
  'Your session has ended. Sign in again.': 'sessionEnded',
  'Your session has expired. Sign in again.': 'sessionExpired',
};

export const serverMessageKey = (message: string): ServerMessageKey | undefined => KNOWN[message];
