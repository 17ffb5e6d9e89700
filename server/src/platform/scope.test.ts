import { describe, expect, it } from 'vitest';
import type { Actor } from './context.js';
import { isWithinRegion, isWithinScope } from './scope.js';

const staff = (roles: string[], departmentIds: string[], regionScope = '5201'): Actor => ({
  id: 's1',
  kind: 'staff',
  roles,
  regionScope,
  departmentIds,
});
const civil = { regionCode: '520103', departmentId: 'civil' };

describe('data scope of staff', () => {
  it('lets staff act for their own departments of their region only', () => {
    expect(isWithinScope(staff(['approver'], ['civil']), civil)).toBe(true);
    expect(isWithinScope(staff(['approver'], ['market']), civil)).toBe(false);
    expect(isWithinScope(staff(['approver'], ['civil'], '520102'), civil)).toBe(false);
  });

  it('gives staff without departments no department’s records', () => {
    expect(isWithinScope(staff(['approver', 'department_head'], []), civil)).toBe(false);
    expect(isWithinScope({ ...staff(['approver'], []), departmentIds: undefined }, civil)).toBe(false);
  });

  it('lets the roles a call site names act for every department of their region, and only those roles', () => {
    const regionWide = { regionWide: ['supervisor'] };
    expect(isWithinScope(staff(['supervisor'], []), civil, regionWide)).toBe(true);
    expect(isWithinScope(staff(['supervisor'], [], '520102'), civil, regionWide)).toBe(false);
    expect(isWithinScope(staff(['approver'], []), civil, regionWide)).toBe(false);
  });

  it('keeps records of the region itself (no department) to staff of the region', () => {
    expect(isWithinScope(staff(['window_clerk'], []), { regionCode: '520103' })).toBe(true);
    expect(isWithinScope(staff(['window_clerk'], ['civil']), { regionCode: '520103' })).toBe(true);
    expect(isWithinScope(staff(['window_clerk'], []), { regionCode: '5202' })).toBe(false);
    expect(isWithinRegion(staff([], []), '520103')).toBe(true);
    expect(isWithinRegion(staff([], [], '520102'), '520103')).toBe(false);
    expect(isWithinRegion({ id: 'p', kind: 'person', roles: [] }, '520103')).toBe(false);
  });
});
