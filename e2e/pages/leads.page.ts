import type { Locator, Page } from 'playwright-core';

export interface NewLead {
  companyName: string;
  website?: string;
  /** Typed into the country field to find the option, e.g. "Netherlands". */
  country: string;
  city?: string;
  contactName?: string;
  contactEmail?: string;
  mrr?: string;
  /** Assigned at once to this partner (its name as the partner directory shows it). */
  partner: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The leads page (`/leads`): the vendor's pool, or a partner's leads waiting for an answer and accepted ones. */
export class LeadsPage {
  constructor(private readonly page: Page) {}

  row(companyName: string): Locator {
    return this.page.getByTestId('lead-row').filter({ hasText: companyName });
  }

  async waitForRow(companyName: string): Promise<Locator> {
    const row = this.row(companyName);
    await row.waitFor({ timeout: 20_000 });
    return row;
  }

  /** Waits until the row shows the status (the LeadStatus value, e.g. "ASSIGNED"). */
  async waitForStatus(companyName: string, status: string): Promise<void> {
    await this.row(companyName).locator(`[data-testid="lead-status"][data-status="${status}"]`).waitFor({ timeout: 20_000 });
  }

  /** Vendor staff: adds a lead with the "New lead" form and assigns it at once to a partner chosen by name. */
  async createAssignedTo(lead: NewLead): Promise<void> {
    await this.page.getByTestId('lead-new').click();
    const form = this.page.getByTestId('lead-form');
    await form.waitFor({ timeout: 20_000 });
    await form.getByTestId('lead-companyName').fill(lead.companyName);
    if (lead.website) await form.getByTestId('lead-website').fill(lead.website);
    await this.choose(form.getByTestId('lead-country'), lead.country, new RegExp(`^${escape(lead.country)}`));
    if (lead.city) await form.getByTestId('lead-city').fill(lead.city);
    if (lead.contactName) await form.getByTestId('lead-contactName').fill(lead.contactName);
    if (lead.contactEmail) await form.getByTestId('lead-contactEmail').fill(lead.contactEmail);
    if (lead.mrr) await form.getByTestId('lead-mrr').fill(lead.mrr);
    await form.getByTestId('lead-assign-now-partner').check();
    await this.choose(form.getByTestId('lead-partner'), lead.partner, new RegExp(`^${escape(lead.partner)}`));
    await form.getByTestId('lead-save').click();
    await form.waitFor({ state: 'detached', timeout: 20_000 });
  }

  /** Types into a searchable Mantine select and picks the option whose name matches. */
  private async choose(select: Locator, typed: string, option: RegExp): Promise<void> {
    await select.click();
    await select.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Partners: accepts the lead from its row and waits for the edit form of the draft registration it became. */
  async accept(companyName: string): Promise<void> {
    await this.row(companyName).getByTestId('lead-accept').click();
    await this.page.waitForURL(/\/deals\/[0-9a-f-]{36}\/edit$/, { timeout: 20_000 });
  }

  /** Opens the lead's details beside the list. */
  async open(companyName: string): Promise<Locator> {
    await this.row(companyName).getByTestId('lead-open').click();
    const drawer = this.page.getByTestId('lead-drawer');
    await drawer.getByTestId('lead-details').waitFor({ timeout: 20_000 });
    return drawer;
  }

  /** Each row of the assignment history in the open drawer: its text and outcome (ACCEPTED, DECLINED, …, WAITING). */
  async assignments(): Promise<{ text: string; outcome: string | null }[]> {
    const rows = this.page.getByTestId('lead-drawer').getByTestId('lead-assignment-row');
    await rows.first().waitFor({ timeout: 20_000 });
    return Promise.all(
      (await rows.all()).map(async (row) => ({
        text: await row.innerText(),
        outcome: await row.getByTestId('assignment-outcome').getAttribute('data-outcome'),
      })),
    );
  }
}
