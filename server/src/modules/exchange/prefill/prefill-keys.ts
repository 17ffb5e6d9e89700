/**
 * Which application-form keys the registries can fill (预填), and from which data item: the
 * person's own name, 公民身份号码 and 户籍地址 from 人口库, and their child's (the household's youngest); the registered facts of the enterprise
 * they act for from 法人库. The keys are the shared form fragments' (catalog forms/library).
 */
export const PERSON_KEYS: Record<string, 'name' | 'idNumber' | 'address'> = {
  applicantName: 'name',
  idNumber: 'idNumber',
  householdAddress: 'address',
};

/** The child a parent applies about (育儿补贴, 预防接种证…): the household's youngest child (`child.ts`). */
export const CHILD_KEYS: Record<string, 'name' | 'idNumber' | 'birthDate'> = {
  childName: 'name',
  childIdNumber: 'idNumber',
  childBirthDate: 'birthDate',
};

export const ENTERPRISE_KEYS: Record<
  string,
  'name' | 'creditCode' | 'address' | 'legalRepresentativeName' | 'businessScope' | 'registeredCapital'
> = {
  companyName: 'name',
  operatorName: 'name',
  creditCode: 'creditCode',
  companyAddress: 'address',
  legalRepName: 'legalRepresentativeName',
  businessScope: 'businessScope',
  registeredCapital: 'registeredCapital',
};

/** Names of the items a prefill reads that the resource catalogue does not list (the subject's own identifier). */
export const PREFILL_FIELD_NAMES: Record<string, string> = {
  idNumber: '公民身份号码',
  creditCode: '统一社会信用代码',
  legalRepresentativeName: '法定代表人',
};
