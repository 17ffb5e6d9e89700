import type { CallbackFiled, NewCallback } from '../../../../../contracts/hotline';
import type { Wire } from '../../../../../contracts/wire';
import { sendJson } from '../../../app/http';

export type Filed = Wire<CallbackFiled>;

export const requestCallback = (input: NewCallback & { region?: string }) =>
  sendJson<Filed>('POST', '/api/callbacks', input);
