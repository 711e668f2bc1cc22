import type { Locator, Page } from 'playwright-core';

/** Text as shown, with the no-break spaces some locales put in numbers made plain. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** The partner's "My MDF funds" page (`/mdf`). */
export class MdfFundsPage {
  constructor(private readonly page: Page) {}

  async waitForFund(): Promise<void> {
    await this.page.getByTestId('fund-card').waitFor({ timeout: 20_000 });
  }

  /** A balance as shown (available, budget, reserved, claimed, approved, paid). */
  async balance(figure: string): Promise<string> {
    return plain(await this.page.getByTestId(`balance-${figure}-value`).innerText());
  }

  async requestActivity(): Promise<void> {
    await this.page.getByTestId('new-request').click();
  }
}

export interface ActivityDetails {
  /** Visible name of the activity type, e.g. "Webinar". */
  type: string;
  title: string;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  plannedCost: string;
  requestedAmount: string;
}

/** "Request an activity" (`/mdf/requests/new?fund=…`): the co-funding cap follows the planned cost. */
export class MdfRequestForm {
  constructor(private readonly page: Page) {}

  get cap(): Locator {
    return this.page.getByTestId('cofunding-cap');
  }

  async waitForForm(): Promise<void> {
    await this.page.getByTestId('request-form').waitFor({ timeout: 20_000 });
  }

  /** Types the planned cost and waits until the cap shown is the given amount (as text, e.g. "€999.99"). */
  async typePlannedCost(amount: string, expectedCap: string): Promise<string> {
    await this.page.getByTestId('request-plannedCost').fill(amount);
    await this.page.waitForFunction(
      (expected) => (document.querySelector('[data-testid="cofunding-cap"]')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').includes(expected),
      expectedCap,
      { timeout: 10_000 },
    );
    return plain(await this.cap.innerText());
  }

  async fill(details: ActivityDetails): Promise<void> {
    await this.page.getByTestId('request-activityType').click();
    await this.page.getByRole('option', { name: details.type, exact: true }).click();
    await this.page.getByTestId('request-title').fill(details.title);
    await this.page.getByTestId('request-startDate').fill(details.startDate);
    await this.page.getByTestId('request-endDate').fill(details.endDate);
    await this.page.getByTestId('request-requestedAmount').fill(details.requestedAmount);
  }

  /** Submits for approval and returns the new request's id (from the detail page it opens). */
  async submit(): Promise<string> {
    await this.page.getByTestId('request-submit').click();
    await this.page.waitForURL(/\/mdf\/requests\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    return this.page.url().split('/').pop() ?? '';
  }
}

/** One request (`/mdf/requests/:id`): status, claims and the timeline. */
export class MdfRequestDetail {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/mdf/requests/${id}`);
    await this.page.getByTestId('request-reference').waitFor({ timeout: 20_000 });
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`[data-testid="request-status"][data-status="${status}"]`).first().waitFor({ timeout: 20_000 });
  }

  async startClaim(): Promise<void> {
    await this.page.getByTestId('new-claim').click();
    await this.page.getByTestId('claim-form').waitFor({ timeout: 20_000 });
  }

  claim(id: string): Locator {
    return this.page.locator(`[data-testid="claim-card"][data-claim-id="${id}"]`);
  }

  async waitForClaimStatus(id: string, status: string): Promise<void> {
    await this.page.locator(`[data-testid="claim-card"][data-claim-id="${id}"][data-status="${status}"]`).waitFor({ timeout: 20_000 });
  }

  /** The comments in the timeline, oldest first. */
  async timelineComments(): Promise<string[]> {
    return (await this.page.getByTestId('timeline-comment').allInnerTexts()).map(plain);
  }
}

export interface ClaimDetails {
  actualCost: string;
  claimedAmount: string;
  leads: string;
  file: { name: string; mimeType: string; buffer: Buffer };
}

/** "Submit a claim": amounts, results and proof files sent as one upload with a progress bar. */
export class MdfClaimForm {
  constructor(private readonly page: Page) {}

  get progress(): Locator {
    return this.page.getByTestId('upload-progress');
  }

  async fill(details: ClaimDetails): Promise<void> {
    await this.page.getByTestId('claim-actualCost').fill(details.actualCost);
    await this.page.getByTestId('claim-claimedAmount').fill(details.claimedAmount);
    await this.page.getByTestId('claim-leads').fill(details.leads);
    await this.page.getByTestId('proof-input').setInputFiles(details.file);
    await this.page.getByTestId('proof-item').first().waitFor({ timeout: 10_000 });
  }

  /** The browser's verdict on each chosen file ('' when it may be sent). */
  async fileProblems(): Promise<string[]> {
    return Promise.all((await this.page.getByTestId('proof-item').all()).map(async (item) => (await item.getAttribute('data-problem')) ?? ''));
  }

  /**
   * Sends the claim and records every upload percentage the progress bar showed until the claim was
   * accepted; returns them in order.
   */
  async submitAndWatchProgress(): Promise<number[]> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __uploadProgress: number[] }).__uploadProgress = seen;
      new MutationObserver(() => {
        const value = Number(document.querySelector('[data-testid="upload-progress"]')?.getAttribute('data-progress') ?? 'NaN');
        if (!Number.isNaN(value) && seen[seen.length - 1] !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-progress'] });
    });
    await this.page.getByTestId('claim-submit').click();
    await this.page.getByTestId('claim-done').waitFor({ timeout: 30_000 });
    return this.page.evaluate(() => (window as unknown as { __uploadProgress: number[] }).__uploadProgress);
  }

  async backToRequest(): Promise<void> {
    await this.page.getByTestId('claim-done-link').click();
    await this.page.getByTestId('request-reference').waitFor({ timeout: 20_000 });
  }
}

/** The vendor's approval queues (`/mdf-reviews`): requests, and claims on the second tab. */
export class MdfReviewQueue {
  constructor(private readonly page: Page) {}

  requestRow(id: string): Locator {
    return this.page.locator(`[data-testid="request-queue-row"][data-request-id="${id}"]`);
  }

  claimRow(id: string): Locator {
    return this.page.locator(`[data-testid="claim-queue-row"][data-claim-id="${id}"]`);
  }

  async showClaims(): Promise<void> {
    await this.page.getByTestId('queue-claims').click();
  }

  /** The fund balance shown beside a queue item. */
  async availableBeside(row: Locator): Promise<string> {
    return plain(await row.getByTestId('fund-available').innerText());
  }

  /** Approves a queue item (request or claim), optionally for a lower amount, with a comment; waits until it leaves the queue. */
  async approve(row: Locator, kind: 'request' | 'claim', comment: string, amount?: string): Promise<void> {
    await row.getByTestId(`${kind}-approve`).click();
    const form = this.page.getByTestId('mdf-approve-form');
    await form.waitFor({ timeout: 10_000 });
    if (amount !== undefined) await form.getByTestId('mdf-approve-amount').fill(amount);
    await form.getByTestId('mdf-approve-comment').fill(comment);
    await form.getByTestId('mdf-approve-submit').click();
    await row.waitFor({ state: 'detached', timeout: 20_000 });
  }
}

/** Finance (`/mdf-finance`): approved claims not yet paid, marked paid in bulk. */
export class MdfFinancePage {
  constructor(private readonly page: Page) {}

  row(claimId: string): Locator {
    return this.page.locator(`[data-testid="payable-row"][data-claim-id="${claimId}"]`);
  }

  async waitForRow(claimId: string): Promise<void> {
    await this.row(claimId).waitFor({ timeout: 20_000 });
  }

  async amountOf(claimId: string): Promise<string> {
    return plain(await this.row(claimId).getByTestId('payable-amount').innerText());
  }

  /**
   * Selects the claims, opens "Mark paid", fills reference and date and confirms with a double click
   * (the dialog's one idempotency key must make that pay once). Returns the outcome line.
   */
  async markPaid(claimIds: readonly string[], reference: string, date: string): Promise<string> {
    for (const id of claimIds) await this.row(id).getByTestId('payable-select').check();
    await this.page.getByTestId('mark-paid').click();
    const form = this.page.getByTestId('mark-paid-form');
    await form.waitFor({ timeout: 10_000 });
    await form.getByTestId('payment-reference').fill(reference);
    await form.getByTestId('payment-date').fill(date);
    await form.getByTestId('mark-paid-submit').dblclick();
    const outcome = this.page.getByTestId('pay-outcome');
    await outcome.waitFor({ timeout: 20_000 });
    return plain(await outcome.innerText());
  }
}
