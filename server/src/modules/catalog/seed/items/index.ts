/** Every demo service item of 贵州省, by domain. */
import type { ItemSeed } from '../item-seed.js';
import { AGRICULTURE_ITEMS } from './agriculture.js';
import { CARE_ITEMS } from './care.js';
import { CIVIL_ITEMS } from './civil.js';
import { CONSTRUCTION_ITEMS } from './construction.js';
import { DRUG_ITEMS } from './drug.js';
import { ECONOMY_ITEMS } from './economy.js';
import { EDUCATION_ITEMS } from './education.js';
import { ENVIRONMENT_ITEMS } from './environment.js';
import { HEALTH_ITEMS } from './health.js';
import { HOUSING_FUND_ITEMS } from './housing-fund.js';
import { LAND_ITEMS } from './land.js';
import { MARKET_ITEMS } from './market.js';
import { MEDICARE_ITEMS } from './medicare.js';
import { POLICE_ITEMS } from './police.js';
import { QUALITY_ITEMS } from './quality.js';
import { SOCIAL_ITEMS } from './social.js';
import { TAX_ITEMS } from './tax.js';
import { TRAFFIC_ITEMS } from './traffic.js';
import { TRANSPORT_ITEMS } from './transport.js';

export const ITEM_SEEDS: ItemSeed[] = [
  ...MARKET_ITEMS,
  ...QUALITY_ITEMS,
  ...POLICE_ITEMS,
  ...TRAFFIC_ITEMS,
  ...SOCIAL_ITEMS,
  ...MEDICARE_ITEMS,
  ...HOUSING_FUND_ITEMS,
  ...HEALTH_ITEMS,
  ...DRUG_ITEMS,
  ...CIVIL_ITEMS,
  ...CARE_ITEMS,
  ...LAND_ITEMS,
  ...CONSTRUCTION_ITEMS,
  ...TRANSPORT_ITEMS,
  ...TAX_ITEMS,
  ...EDUCATION_ITEMS,
  ...ENVIRONMENT_ITEMS,
  ...AGRICULTURE_ITEMS,
  ...ECONOMY_ITEMS,
];

/** The seed of an item by its exact name (used by themes; throws when the name is unknown). */
export function seedByName(name: string): ItemSeed {
  const found = ITEM_SEEDS.find((s) => s.guide.name === name);
  if (!found) throw new Error(`No seed item named ${name}`);
  return found;
}
