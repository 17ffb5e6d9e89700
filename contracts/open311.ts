/**
 * Open311 GeoReport v2 (投诉举报 for 311 clients): the documents are the specification's, in JSON or
 * XML as the path's extension says, so the contract is the document itself (documented in OpenAPI
 * by the specification, not re-declared here).
 */
import { z } from 'zod';
import { contract } from './http.js';

export const Open311Document = contract(
  z.any().meta({ type: 'string', description: 'A GeoReport v2 document (JSON or XML, as the path says)' }),
);
