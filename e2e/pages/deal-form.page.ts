import type { Locator, Page } from 'playwright-core';

export interface DealDetails {
  customerName: string;
  website: string;
  city?: string;
  contactName?: string;
  contactEmail?: string;
  /** Visible name of the product in the catalogue, e.g. "Acme Backup (per device)". */
  product: string;
  quantity: number;
  mrr?: string;
  oneTime?: string;
  /** YYYY-MM-DD */
  closeDate: string;
  /** Visible name of the stage, e.g. "Qualified". */
  salesStage: string;
}

/** The "Register a deal" form (`/deals/new`). */
export class DealFormPage {
  constructor(private readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('deal-form');
  }

  get duplicateHints(): Locator {
    return this.page.getByTestId('duplicate-hint');
  }

  get rules(): Locator {
    return this.page.getByTestId('deal-rules');
  }

  async waitForForm(): Promise<void> {
    await this.form.waitFor({ timeout: 20_000 });
  }

  /** The company name as the form holds it (e.g. prefilled from an accepted lead). */
  async customerName(): Promise<string> {
    return this.page.getByTestId('deal-customer-name').inputValue();
  }

  async typeCustomerName(name: string): Promise<void> {
    await this.page.getByTestId('deal-customer-name').fill(name);
  }

  /**
   * Waits until the live duplicate check has run for what was typed. Its hints can move the rest of
   * the form down, so the other fields are filled only after it settled.
   */
  async waitForDuplicateCheck(): Promise<void> {
    await this.page.locator('[data-testid="duplicate-check"][data-state="settled"]').waitFor({ state: 'attached', timeout: 20_000 });
  }

  /** Chooses an option of a Mantine select by its visible label. */
  private async choose(select: Locator, option: string | RegExp): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async fill(deal: DealDetails): Promise<void> {
    await this.typeCustomerName(deal.customerName);
    await this.page.getByTestId('deal-website').fill(deal.website);
    await this.waitForDuplicateCheck();
    if (deal.city) await this.page.getByTestId('deal-city').fill(deal.city);
    if (deal.contactName) await this.page.getByTestId('deal-contact-name').fill(deal.contactName);
    if (deal.contactEmail) await this.page.getByTestId('deal-contact-email').fill(deal.contactEmail);
    await this.choose(this.page.getByTestId('deal-product-select').first(), new RegExp(deal.product.replace(/[()]/g, '\\$&')));
    await this.page.getByTestId('deal-product-quantity').first().fill(String(deal.quantity));
    if (deal.mrr) await this.page.getByTestId('deal-mrr').fill(deal.mrr);
    if (deal.oneTime) await this.page.getByTestId('deal-one-time').fill(deal.oneTime);
    await this.page.getByTestId('deal-close-date').fill(deal.closeDate);
    await this.choose(this.page.getByTestId('deal-sales-stage'), deal.salesStage);
  }

  /** Submits for review and waits for the registration's own page. */
  async submit(): Promise<void> {
    await this.page.getByTestId('deal-submit').click();
    await this.page.waitForURL(/\/deals\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  }
}
