import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BuildOutlined,
  CarOutlined,
  ContainerOutlined,
  CreditCardOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  InsuranceOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  TruckOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

/**
 * Theme icons by antd name, written either way ("shop", "medicine-box", "ShopOutlined").
 * A fixed list keeps the bundle small; anything else falls back to a document icon.
 */
const ICONS: Record<string, ComponentType> = {
  accountbook: AccountBookOutlined,
  audit: AuditOutlined,
  bank: BankOutlined,
  book: BookOutlined,
  build: BuildOutlined,
  car: CarOutlined,
  container: ContainerOutlined,
  creditcard: CreditCardOutlined,
  environment: EnvironmentOutlined,
  experiment: ExperimentOutlined,
  file: FileTextOutlined,
  filetext: FileTextOutlined,
  gift: GiftOutlined,
  heart: HeartOutlined,
  home: HomeOutlined,
  idcard: IdcardOutlined,
  insurance: InsuranceOutlined,
  medicinebox: MedicineBoxOutlined,
  read: ReadOutlined,
  reconciliation: ReconciliationOutlined,
  safety: SafetyCertificateOutlined,
  safetycertificate: SafetyCertificateOutlined,
  schedule: ScheduleOutlined,
  shop: ShopOutlined,
  shopping: ShoppingOutlined,
  solution: SolutionOutlined,
  team: TeamOutlined,
  tool: ToolOutlined,
  trophy: TrophyOutlined,
  truck: TruckOutlined,
  user: UserOutlined,
  wallet: WalletOutlined,
};

export const THEME_ICON_NAMES = Object.keys(ICONS);

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/(outlined|filled|twotone)$/, '')
    .replace(/[^a-z]/g, '');
}

export function ThemeIcon({ name }: { name: string }) {
  const Icon = ICONS[normalise(name)] ?? FileTextOutlined;
  return (
    <span className="tb-theme-icon" aria-hidden="true">
      <Icon />
    </span>
  );
}
