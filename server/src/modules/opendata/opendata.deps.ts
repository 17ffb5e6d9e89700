import type { AnalyticsDeps } from '../analytics/index.js';

export interface OpenDataDeps {
  analytics: AnalyticsDeps;
  /** Where the platform is reached from outside: resource URLs and DCAT identifiers start with it. */
  publicUrl: string;
  now: () => Date;
}
