import type { Download, Locator, Page } from 'playwright-core';

/** Text as shown, with the no-break spaces some locales put in numbers made plain. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** The partner's "My rewards" page (`/rewards`). */
export class MyRewardsPage {
  constructor(private readonly page: Page) {}

  planCard(planId: string): Locator {
    return this.page.locator(`[data-testid="plan-card"][data-plan-id="${planId}"]`);
  }

  /** Waits until the plan's progress bar is drawn and returns its percentage and the texts around it. */
  async progress(planId: string): Promise<{ percent: string | null; measure: string; next: string }> {
    const card = this.planCard(planId);
    const bar = card.getByTestId('plan-progress');
    await bar.waitFor({ timeout: 20_000 });
    return { percent: await bar.getAttribute('data-percent'), measure: plain(await card.getByTestId('plan-measure').innerText()), next: plain(await card.getByTestId('plan-next').innerText()) };
  }

  /** Waits until the balance shown is the given number of points (the raw API value). */
  async waitForBalance(points: string): Promise<string> {
    const balance = this.page.locator(`[data-testid="points-balance"][data-balance="${points}"]`);
    try {
      await balance.waitFor({ timeout: 20_000 });
    } catch (error) {
      await this.page.screenshot({ path: '.test-results/e2e-incentives-balance-failure.png', fullPage: true });
      throw error;
    }
    return plain(await balance.innerText());
  }

  rewardCard(rewardId: string): Locator {
    return this.page.locator(`[data-testid="reward-card"][data-reward-id="${rewardId}"]`);
  }

  /** Redeems a reward and returns the confirmation shown (or, on failure, the error in the dialog). */
  async redeem(rewardId: string): Promise<{ ok: boolean; message: string }> {
    await this.rewardCard(rewardId).getByTestId('reward-redeem').click();
    const dialog = this.page.getByTestId('redeem-dialog');
    await dialog.getByTestId('redeem-confirm').click();
    const outcome = this.page.getByTestId('redeem-outcome');
    const failure = dialog.getByRole('alert');
    await outcome.or(failure).first().waitFor({ timeout: 20_000 });
    if (await outcome.isVisible()) return { ok: true, message: plain(await outcome.innerText()) };
    return { ok: false, message: plain(await failure.innerText()) };
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('redeem-dialog').waitFor({ state: 'detached', timeout: 10_000 });
  }

  async openStatement(statementId: string): Promise<void> {
    const row = this.page.locator(`[data-testid="statement-row"][data-statement-id="${statementId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByTestId('statement-link').click();
  }
}

/** One statement with its lines (`/rewards/statements/:id`). */
export class StatementPage {
  constructor(private readonly page: Page) {}

  line(sourceId: string): Locator {
    return this.page.locator(`[data-testid="statement-line"][data-source-id="${sourceId}"]`);
  }

  async waitForLine(sourceId: string): Promise<string> {
    const line = this.line(sourceId);
    await line.waitFor({ timeout: 20_000 });
    return plain(await line.innerText());
  }

  async payment(): Promise<string> {
    return plain(await this.page.getByTestId('statement-payment').innerText());
  }

  /** "Why did I get this?": follows the line to the deal it came from. */
  async openSource(sourceId: string): Promise<void> {
    await this.line(sourceId).getByTestId('line-source-link').click();
  }
}

/** Vendor staff's incentives page (`/incentives`): plans, statements, rewards. */
export class IncentivesAdminPage {
  constructor(private readonly page: Page) {}

  planRow(planId: string): Locator {
    return this.page.locator(`[data-testid="plan-row"][data-plan-id="${planId}"]`);
  }

  /** Closes a period of the plan from its row and returns the confirmation. */
  async closePeriod(planId: string, period: string): Promise<string> {
    const row = this.planRow(planId);
    await row.waitFor({ timeout: 20_000 });
    await row.getByTestId('plan-close-period').click();
    const input = this.page.getByTestId('close-period-input');
    await input.fill(period);
    await this.page.getByTestId('close-period-submit').click();
    const outcome = this.page.getByTestId('close-outcome');
    await outcome.waitFor({ timeout: 20_000 });
    return plain(await outcome.innerText());
  }

  async showStatements(): Promise<void> {
    await this.page.getByTestId('tab-statements').click();
  }

  statementRow(statementId: string): Locator {
    return this.page.locator(`[data-testid="review-statement-row"][data-statement-id="${statementId}"]`);
  }

  async waitForStatementStatus(statementId: string, status: string): Promise<void> {
    await this.statementRow(statementId).locator(`[data-testid="statement-status"][data-status="${status}"]`).waitFor({ timeout: 20_000 });
  }

  async approve(statementId: string): Promise<void> {
    await this.statementRow(statementId).getByTestId('statement-approve').click();
    await this.waitForStatementStatus(statementId, 'APPROVED');
  }

  /** Selects the statement, marks it paid with the given method (its visible label) and returns the confirmation. */
  async markPaid(statementId: string, methodLabel: string): Promise<string> {
    await this.statementRow(statementId).getByTestId('statement-select').check();
    await this.page.getByTestId('statements-mark-paid').click();
    await this.page.getByTestId('pay-method').click();
    await this.page.getByRole('option', { name: methodLabel, exact: true }).click();
    await this.page.getByTestId('statements-pay-submit').click();
    const outcome = this.page.getByTestId('pay-outcome');
    await outcome.waitFor({ timeout: 20_000 });
    await this.waitForStatementStatus(statementId, 'PAID');
    return plain(await outcome.innerText());
  }

  /** The payout file of the statements shown, built in the browser. */
  async exportPayouts(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 20_000 }), this.page.getByTestId('payout-export').click()]);
    return download;
  }
}

/** The analyst's measurement page (`/incentives/measurement`). */
export class IncentiveMeasurementPage {
  constructor(private readonly page: Page) {}

  /** Waits until the cost-vs-gain chart has drawn its bars. */
  async waitForChart(): Promise<void> {
    await this.page.locator('[data-testid="cost-gain-chart"] .recharts-bar-rectangle').first().waitFor({ timeout: 20_000 });
  }

  /** The text of the table row of a plan and period. */
  async row(planName: string, period: string): Promise<string> {
    const row = this.page.getByTestId('measurement-row').filter({ hasText: planName }).filter({ hasText: period });
    await row.first().waitFor({ timeout: 20_000 });
    return plain(await row.first().innerText());
  }
}
