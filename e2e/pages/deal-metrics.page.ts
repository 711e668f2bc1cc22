import type { Locator, Page } from 'playwright-core';

/** The deal metrics page (`/deal-metrics`). */
export class DealMetricsPage {
  constructor(private readonly page: Page) {}

  /** Chooses the grouping by its visible name, e.g. "Partner". */
  async groupBy(option: string): Promise<void> {
    await this.page.getByTestId('metrics-group-by').click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** The row of a group by its label (partner, program or tier name, month, or "All"). */
  row(label: string): Locator {
    return this.page.getByTestId('metrics-row').filter({ has: this.page.getByTestId('metric-label').getByText(label, { exact: true }) });
  }

  async waitForRow(label: string): Promise<Locator> {
    const row = this.row(label);
    await row.waitFor({ timeout: 20_000 });
    return row;
  }

  /** One figure of a row as shown, e.g. figure("Northwind IT", "leadsAssigned"). */
  async figure(label: string, figure: string): Promise<string> {
    return (await this.row(label).getByTestId(`metric-${figure}`).innerText()).trim();
  }
}
