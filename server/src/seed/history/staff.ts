/**
 * The staff who worked the demo history: the demo accounts where their scope fits (云岩区 and 南明区
 * windows, 贵阳's market and urban-management approver), otherwise one staff member per window
 * and per department, made when first needed — without a password, so nobody signs in as them;
 * their names show in the event log (谁办理、谁负责).
 */
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { findRegion, listDepartments } from '../../modules/catalog/index.js';
import { createStaff, DEMO_STAFF, findStaffByUsername, type StaffRole } from '../../modules/identity/index.js';

type StaffActor = Actor & { id: string };

export class HistoryStaff {
  private readonly actors = new Map<string, Promise<StaffActor>>();
  /** Staff accounts made for the history. */
  created = 0;
  private serial = 0;

  private constructor(
    private readonly db: Db,
    private readonly departments: Map<string, { regionCode: string; name: string }>,
    private readonly demo: { actor: StaffActor; regionCode: string }[],
  ) {}

  static async load(db: Db): Promise<HistoryStaff> {
    const departments = new Map(
      (await listDepartments(db)).map((d) => [d.id, { regionCode: d.regionCode, name: d.name }] as const),
    );
    const demo: { actor: StaffActor; regionCode: string }[] = [];
    for (const s of DEMO_STAFF) {
      const row = await findStaffByUsername(db, s.username);
      if (row) demo.push({ actor: actorOf(row), regionCode: row.regionCode });
    }
    return new HistoryStaff(db, departments, demo);
  }

  /** The comprehensive window (综合窗口) of a region: its demo clerk, else one made for it. */
  clerk(regionCode: string): Promise<StaffActor> {
    return this.once(`clerk:${regionCode}`, async () => {
      const demo = this.demo.find((d) => d.regionCode === regionCode && d.actor.roles.includes('window_clerk'));
      if (demo) return demo.actor;
      const region = await findRegion(this.db, regionCode);
      return this.make(`history.window.${regionCode}`, `${region?.name ?? regionCode}政务服务中心综合窗口`, {
        regionCode,
        roles: ['window_clerk'],
        departmentIds: [],
      });
    });
  }

  /** An approver (审批人员) of a department: the demo approver when it belongs to it, else one made for it. */
  approver(departmentId: string): Promise<StaffActor> {
    return this.once(`approver:${departmentId}`, async () => {
      const demo = this.demo.find(
        (d) => d.actor.roles.includes('approver') && d.actor.departmentIds?.includes(departmentId),
      );
      return demo?.actor ?? this.ofDepartment(departmentId, 'approver', '审批人员');
    });
  }

  /** A department head (负责人): calls back after a bad review and resolves it. */
  head(departmentId: string): Promise<StaffActor> {
    return this.once(`head:${departmentId}`, () => this.ofDepartment(departmentId, 'department_head', '负责人'));
  }

  private ofDepartment(departmentId: string, role: StaffRole, title: string): Promise<StaffActor> {
    const d = this.departments.get(departmentId);
    if (!d) throw new Error(`department ${departmentId} not found`);
    return this.make(`history.${role === 'approver' ? 'approver' : 'head'}.${++this.serial}`, `${d.name} ${title}`, {
      regionCode: d.regionCode,
      roles: [role],
      departmentIds: [departmentId],
    });
  }

  private once(key: string, make: () => Promise<StaffActor>): Promise<StaffActor> {
    let actor = this.actors.get(key);
    if (!actor) {
      actor = make();
      this.actors.set(key, actor);
    }
    return actor;
  }

  private async make(
    username: string,
    displayName: string,
    s: { regionCode: string; roles: StaffRole[]; departmentIds: string[] },
  ): Promise<StaffActor> {
    const id = await createStaff(this.db, { username, displayName, ...s });
    this.created++;
    return actorOf({ id, displayName, ...s });
  }
}

/** The actor a staff member acts as, as the sign-in gives it. */
function actorOf(s: {
  id: string;
  displayName: string;
  regionCode: string;
  roles: readonly string[];
  departmentIds: readonly string[];
}): StaffActor {
  return {
    id: s.id,
    kind: 'staff',
    roles: [...s.roles],
    regionScope: s.regionCode,
    departmentIds: [...s.departmentIds],
    name: s.displayName,
  };
}
