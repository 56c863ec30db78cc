// The built-in reply templates of each demand action (strings.en-US.ts has them in English). They
// load with the pages that offer them (the staff detail page, the resident's demand view) rather than
// with the first load of both apps: index.ts and mobile.ts add them to demands.templates.
export const demandTemplatesZh = {
  accept: ['您的诉求已受理，我们将尽快安排处理。', '已受理，已联系相关单位了解情况。'],
  reject: ['该事项不属于本平台受理范围，建议通过相关渠道反映。', '诉求内容不明确，请补充具体地点和情况后重新提交。'],
  dispatch: ['请于时限内办理并反馈结果。', '请尽快上门核实并处理，办结后上传现场照片。'],
  start: ['已安排人员上门处理。', '已联系诉求人，约定上门时间。'],
  resolve: ['已上门处理完毕，问题已解决。', '已协调相关方达成一致，后续持续关注。', '已维修完成并经诉求人现场确认。'],
  return: ['该事项不属于本单位职责范围，请重新派单。', '诉求地点有误，请核实后重新派单。'],
  transfer: ['涉及其他单位职责，转相关单位办理。'],
  escalate: ['本级无法解决，需上级协调。', '涉及多个部门，申请提级办理。'],
  request_extension: ['需协调多方，申请延长办理时限。', '需等待维修材料到货，申请延期。'],
  decide_extension: ['同意延期，请在新时限内办结。', '不同意延期，请按原时限办结。'],
  close: ['诉求人满意，予以销号。', '已回访确认，予以销号。'],
  merge: ['与已有诉求重复，合并办理。'],
  supervise: ['请加快办理进度，按期办结。', '已超期，请说明原因并尽快办结。'],
  callback: ['已电话回访，诉求人对处理结果表示满意。', '电话未接通，将再次回访。'],
  reopen: ['问题未解决，请重新办理。'],
  evaluate: ['处理及时，非常感谢！'],
};
