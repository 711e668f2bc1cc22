import { Injectable } from '@nestjs/common';
import { isMetricKey, type MetricKey, type MetricsSnapshot } from '@prm/domain/tiers';
import { DataSource } from 'typeorm';

/**
 * Where tier qualification reads its numbers. For now a stored snapshot per partner (set by
 * vendor admins or imported); later contexts (deals, revenue, MDF, training) write their metrics here.
 */
export abstract class PartnerMetricsProvider {
  abstract snapshots(organisationIds: readonly string[]): Promise<Map<string, MetricsSnapshot>>;
}

@Injectable()
export class StoredPartnerMetrics extends PartnerMetricsProvider {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async snapshots(organisationIds: readonly string[]): Promise<Map<string, MetricsSnapshot>> {
    const result = new Map<string, Partial<Record<MetricKey, string>>>();
    if (organisationIds.length === 0) return result;
    const rows: { organisation_id: string; metric: string; value: string }[] = await this.dataSource.query(
      `SELECT organisation_id, metric, value::text AS value FROM partner_metrics WHERE organisation_id = ANY($1)`,
      [organisationIds],
    );
    for (const row of rows) {
      if (!isMetricKey(row.metric)) continue;
      const snapshot = result.get(row.organisation_id) ?? {};
      snapshot[row.metric] = row.value;
      result.set(row.organisation_id, snapshot);
    }
    return result;
  }
}
