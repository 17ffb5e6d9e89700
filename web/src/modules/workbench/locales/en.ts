import type { WorkbenchMessages } from './zh-CN';

/** English. */
export const workbenchEn: WorkbenchMessages = {
  walkIn: {
    title: 'File for a walk-in applicant',
    help: 'Enter the application of someone at the window: their account is found by ID number and name (the look-up is recorded), and the case is accepted at once.',
    findItem: 'Find the service',
    findPlaceholder: 'Name of the service, e.g. 食品经营许可',
    find: 'Find',
    noItems: 'No such service in this region.',
    chooseItem: 'Choose the service',
    form: 'Walk-in application form',
    idNumber: 'Applicant’s ID number',
    idNumberRequired: 'Enter the applicant’s ID number',
    idNumberInvalid: 'The ID number is not valid; check it',
    name: 'Applicant’s name',
    nameRequired: 'Enter the applicant’s name',
    submit: 'File and accept',
    filed: 'Filed and accepted: {{code}}',
    open: 'Open the case',
    another: 'File another',
  },
};
