import type { CaseViewMessages } from './zh-CN';

export const caseViewEn: CaseViewMessages = {
  form: {
    title: 'Application form',
    none: 'This item has no online application form.',
    empty: 'Not filled in',
    yes: 'Yes',
    no: 'No',
    other: 'Other entries',
    item: 'Entry {{n}}',
    masked: 'ID and mobile numbers are shown masked',
  },
  auto: {
    title: 'Why the system approved it',
    lead: 'The system checked each rule against verified registry data (population and legal-entity registries, {{date}}); all held, so it approved automatically:',
    noApplication:
      'The system opened and decided this case for you from registry data (no application needed): there is no form to fill in and no material to provide.',
    noApplicationStaff:
      'The system opened and decided this case from registry data (no application needed): the applicant filled in no form and owes no material.',
    held: 'Met',
    failed: 'Not met',
    value: '(registry: {{value}})',
  },
  material: {
    source: 'Source',
    preview: 'Preview',
    previewOf: 'Preview: {{name}}',
    loading: 'Preparing the preview…',
    failed: 'This file cannot be previewed; download it to read it.',
    page: 'Page {{n}} of {{total}}',
    morePages: 'The first {{shown}} of {{total}} pages are shown; download the file for the rest.',
    noPreview: 'Files of this kind cannot be previewed here; download it to read it.',
    promise: 'Promise',
  },
  events: {
    stage: 'Stage',
    material: 'Material',
    note: 'Note',
    items: 'To supplement',
  },
  licences: {
    title: 'Licence issued',
    none: 'No e-licence has been issued yet.',
    number: 'Licence number',
    validUntil: 'Valid until',
    longTerm: 'Long-term',
    open: 'Open in my licences',
  },
};
