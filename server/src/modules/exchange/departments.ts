/**
 * Departments as the exchange sees them: owners of resources, consumers of grants, recorders and
 * subscribers of life events. They belong to the catalogue; a short-lived copy of its list spares a
 * query per request (departments change on an administrator's schedule, not a query's).
 */
import type { Db } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { listDepartments } from '../catalog/index.js';

export interface Department {
  id: string;
  name: string;
  regionCode: string;
  /** Same kind of department at every level: `police`, `hrss`, `market`… */
  category: string;
}

const TTL_MS = 60_000;

export class Departments {
  private byId = new Map<string, Department>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  private async refresh(): Promise<void> {
    if (Date.now() - this.loadedAt < TTL_MS) return;
    this.loading ??= listDepartments(this.db)
      .then((rows) => {
        this.byId = new Map(
          rows.map((d) => [d.id, { id: d.id, name: d.name, regionCode: d.regionCode, category: d.category }]),
        );
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    await this.loading;
  }

  async find(id: string): Promise<Department | undefined> {
    await this.refresh();
    return this.byId.get(id);
  }

  async get(id: string): Promise<Department> {
    const d = await this.find(id);
    if (!d)
      throw notFound('EXCHANGE.NO_DEPARTMENT', { zh: '部门不存在', en: 'No such department' }, [], {
        departmentId: id,
      });
    return d;
  }

  /** The department of a category at the top of the province (the owner of a provincial resource). */
  async topOf(category: string): Promise<Department | undefined> {
    await this.refresh();
    return [...this.byId.values()]
      .filter((d) => d.category === category)
      .sort((a, b) => a.regionCode.length - b.regionCode.length || a.regionCode.localeCompare(b.regionCode))[0];
  }

  async names(ids: readonly string[]): Promise<Map<string, string>> {
    await this.refresh();
    return new Map(ids.map((id) => [id, this.byId.get(id)?.name ?? '']));
  }
}
