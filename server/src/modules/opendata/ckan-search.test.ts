import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CkanPackage } from '../../../../contracts/opendata.js';
import { SearchQueryError, matchesFilter, parseFilterQuery } from './ckan-search.js';

const pkg = (over: Partial<CkanPackage>): CkanPackage =>
  ({
    name: 'a',
    title: 'A',
    notes: '',
    tags: [],
    organization: { name: 'org' },
    owner_org: 'org',
    resources: [],
    license_id: 'cc-by',
    type: 'dataset',
    state: 'active',
    metadata_created: '2026-01-01T00:00:00.000Z',
    metadata_modified: '2026-06-01T00:00:00.000Z',
    ...over,
  }) as CkanPackage;

describe('CKAN filter queries', () => {
  const item = pkg({ name: 'service-performance-by-item', tags: [{ name: '政务服务', display_name: '政务服务' }] });
  const matches = (fq: string, p = item) => matchesFilter(p, parseFilterQuery(fq));

  it('reads terms, quotes, wildcards, negation, AND and date ranges', () => {
    expect(matches('name:service-performance-by-item')).toBe(true);
    expect(matches('name:"service-performance-by-item" AND tags:政务服务')).toBe(true);
    expect(matches('+name:service-* -tags:政务服务')).toBe(false);
    expect(matches('name:SERVICE-PERFORMANCE-BY-ITEM')).toBe(true);
    expect(matches('metadata_modified:[2026-05-31T00:00:00Z TO *]')).toBe(true);
    expect(matches('metadata_modified:{2026-06-01T00:00:00Z TO *]')).toBe(false);
    expect(matches('metadata_modified:[* TO NOW]')).toBe(true);
    expect(matches('')).toBe(true);
  });

  it('refuses what Solr would, and only with a search query error, whatever the text', () => {
    for (const fq of ['colour:red', 'name', 'tags:[a TO b]', 'metadata_modified:[yesterday TO *]'])
      expect(() => parseFilterQuery(fq), fq).toThrow(SearchQueryError);
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (fq) => {
        try {
          matchesFilter(item, parseFilterQuery(fq));
        } catch (e) {
          expect(e).toBeInstanceOf(SearchQueryError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
