import { isPartnerRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { PartnerLeads } from './partner-leads';
import { VendorLeads } from './vendor-leads';

/** `/leads`: vendor staff manage the lead pool; partners answer the leads passed to them. */
export default function LeadsPage() {
  const user = useCurrentUser();
  if (!user) return null;
  return isPartnerRole(user.role) ? <PartnerLeads /> : <VendorLeads />;
}
