/** What the assistant needs: the catalogue (search, guides, regions), the person's cases and household, a clock. */
import type { Item } from '../../../../contracts/catalog.js';
import type { Db } from '../../platform/db/index.js';
import type { Actor, Log } from '../../platform/context.js';
import { listChildRegions, PublishedGuides, type CatalogSearch } from '../catalog/index.js';
import type { LanguageModel } from './language-model.js';
import { RegionNames, type RegionName } from './question.js';
import { listMappedServices, type MappedItem } from './questions.repository.js';

export interface OwnCase {
  trackingCode: string;
  itemName: string;
  status: string;
}

export interface AssistantDeps {
  db: Db;
  search: CatalogSearch;
  now: () => Date;
  log: Log;
  /** The catalogue as the assistant reads it (the portal's kept guides; region names and mapped phrases kept for a while). */
  catalog: AssistantCatalog;
  /** The signed-in person's household region (户籍), for questions that name none. */
  householdRegion?: (personId: string) => Promise<string | undefined>;
  /** The signed-in person's own cases, newest first ("我的申请到哪一步了"). */
  ownCases?: (actor: Actor) => Promise<OwnCase[]>;
  /** The optional language model (off unless configured). */
  languageModel?: LanguageModel;
  /** How long a conversation lives after its last question. */
  conversationMinutes: number;
  /** Signs audit entries (a synonym mapped from the list of unanswered questions is audited as any). */
  auditKey: Buffer;
}

/**
 * Published guides as the portal serves them (the node's kept guides: a new version is answered at
 * once on the node that published it and within a second on the others), region names and the
 * service phrases catalogue administrators mapped to items, each kept for `ttlMs`.
 */
export class AssistantCatalog {
  private regions: { names: Promise<RegionNames>; at: number } | undefined;
  private mapped: { services: Promise<Map<string, MappedItem>>; at: number } | undefined;

  /** `guides`: the node's published guides, shared with the portal (its own when not given). */
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 60_000,
    private readonly guides = new PublishedGuides(db),
  ) {}

  guide(code: string): Promise<Item> {
    return this.guides.get(code);
  }

  regionNames(): Promise<RegionNames> {
    if (!this.regions || Date.now() - this.regions.at > this.ttlMs * 10) {
      const names = this.loadRegions();
      names.catch(() => (this.regions = undefined));
      this.regions = { names, at: Date.now() };
    }
    return this.regions.names;
  }

  /** Service phrases (normalised) → the item (基本编码, name) an administrator mapped them to. */
  mappedServices(): Promise<Map<string, MappedItem>> {
    if (!this.mapped || Date.now() - this.mapped.at > this.ttlMs) {
      const services = listMappedServices(this.db);
      services.catch(() => (this.mapped = undefined));
      this.mapped = { services, at: Date.now() };
    }
    return this.mapped.services;
  }

  /** Forgets the mapped phrases (after a mapping on this node). */
  forgetMappings(): void {
    this.mapped = undefined;
  }

  /** The province, its cities and their counties (the levels people name in a question). */
  private async loadRegions(): Promise<RegionNames> {
    const all: RegionName[] = [];
    for (const province of await listChildRegions(this.db, null)) {
      all.push(province);
      for (const city of await listChildRegions(this.db, province.code)) {
        all.push(city);
        all.push(...(await listChildRegions(this.db, city.code)));
      }
    }
    return new RegionNames(all);
  }
}
