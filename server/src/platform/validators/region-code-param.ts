import { z } from 'zod';
import { isValidRegionCode, normaliseRegionCode } from './division-code.js';

/** A well-formed code (see division-code.ts) in either form, for modules that keep no region table. */
export const WellFormedRegionCode = z
  .string()
  .regex(/^\d{2,12}$/, '行政区划代码应为 2 至 12 位数字 a region code is 2 to 12 digits')
  .transform(normaliseRegionCode)
  .refine(isValidRegionCode, '行政区划代码无效 invalid region code');

/**
 * A region code as a request parameter: the stored form (52, 5201, 520102, 520102016,
 * 520102016001) or the standard's (520000, 520100, 520102016000), answered in the stored form.
 * Whether the region exists (999999 does not) is for the module that owns regions to say: a 404
 * problem, not a 400.
 */
export const RegionCodeParam = z
  .string()
  .regex(/^\d{2,12}$/, '行政区划代码应为 2 至 12 位数字 a region code is 2 to 12 digits')
  .transform(normaliseRegionCode)
  .meta({
    description: 'GB/T 2260 code: 520100 or 5201 (贵阳市), 522631 (黎平县); 9/12 digits for townships and villages',
    example: '520100',
  });
