/** The workbench's strings in 简体中文 (sections of the default namespace; `en.ts` mirrors the keys). */
export const workbenchZhCN = {
  walkIn: {
    title: '窗口代录',
    help: '为到窗口办事的群众代录申请：按公民身份号码和姓名核对其账号（查询留痕），录入后即时受理。',
    findItem: '查找事项',
    findPlaceholder: '输入事项名称，如：食品经营许可',
    find: '查找',
    noItems: '本辖区没有找到该事项。',
    chooseItem: '选择事项',
    form: '代录申请表',
    idNumber: '申请人公民身份号码',
    idNumberRequired: '请输入申请人公民身份号码',
    idNumberInvalid: '公民身份号码不正确，请核对',
    name: '申请人姓名',
    nameRequired: '请输入申请人姓名',
    submit: '代录并受理',
    filed: '已代录并受理：{{code}}',
    open: '查看办件',
    another: '继续代录',
  },
};

export type WorkbenchMessages = typeof workbenchZhCN;
