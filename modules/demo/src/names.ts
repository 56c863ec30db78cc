// Word lists for the generated part of the demo. Person names are random combinations; compound and
// company names are invented, built from common words, and not meant to describe real places.

/** Common surnames, the most frequent ones repeated so they come up as often as in Shandong. */
export const surnames = [
  ...'王王王王李李李李张张张张刘刘刘陈陈杨杨赵赵孙孙周吴徐徐高高马于于郭林何宋郑胡朱韩曹许邓冯孟袁董单傅綦姜姜崔田薛任栾邱管隋葛',
];

export const maleGivenChars = [...'建国伟强军磊洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林峰成东亮志文海庆生福春德祥瑞博嘉睿轩泽'];
export const femaleGivenChars = [...'秀英华丽娟敏静燕艳芳玲霞红梅娜琳雪婷慧颖萍丹洁莉倩欣怡佳月兰凤玉桂珍晓雨涵萱悦'];

export const compoundPrefixes = [
  ...['凤凰', '朝阳', '醴泉', '密水', '康成', '夷安', '百脉', '锦绣', '翠苑', '金都', '阳光', '幸福', '和平', '东方', '滨河'],
  ...['胶河', '北海', '平安', '人民', '育才', '建设', '祥和', '福瑞', '怡然', '华府', '银河', '春晖', '盛世', '天润', '新城'],
  ...['东苑', '西苑', '南苑', '北苑', '柳荫', '丽景', '泰和', '永安', '恒信', '鸿运', '瑞泽', '馨园', '荣华', '文化', '立新'],
  ...['府前', '凤鸣', '鑫源', '康乐', '颐和', '紫薇', '长安', '民主', '利民', '健康', '财富', '星河', '兴华', '聚福', '清泉'],
];
export const compoundSuffixes = ['小区', '花园', '家园', '苑', '新村', '佳苑', '名居', '雅居', '嘉园', '公馆', '华庭', '社区'];
/** Names the seed text mentions (万顺城、岭南花园 service clusters). */
export const seedCompoundNames = ['万顺城', '岭南花园'];

export const propertyCompanyWords = [
  ...['鑫城', '嘉和', '恒安', '万家', '康居', '宜居', '瑞祥', '华泰', '信达', '安泰', '德邻', '和润', '金盾', '新亚'],
  ...['佳美', '蓝天', '立信', '众诚', '福泽', '通达', '家和', '永盛'],
];
/** State-owned property companies, each named after its county (城投物业 → 高密市城投物业服务有限公司). */
export const stateOwnedPropertyCompanies = [
  '城投物业服务有限公司',
  '国资物业管理有限公司',
  '城发物业服务有限公司',
  '住建物业服务有限公司',
  '交投物业服务有限公司',
  '水务物业服务有限公司',
];

/** 75 county-level units registering with communities (组织75家市直机关单位常态化开展“双报到”). */
export const dualRegistrationUnits: { name: string; kind: 'government_unit' | 'school' | 'hospital' }[] = [
  ...[
    '市委办公室',
    '市人大常委会办公室',
    '市政府办公室',
    '市政协办公室',
    '市纪委监委机关',
    '市委组织部',
    '市委宣传部',
    '市委统战部',
    '市委政法委员会',
    '市委机构编制委员会办公室',
    '市委党校',
    '市委老干部局',
    '市发展和改革局',
    '市教育和体育局',
    '市科学技术局',
    '市工业和信息化局',
    '市公安局',
    '市民政局',
    '市司法局',
    '市财政局',
    '市人力资源和社会保障局',
    '市自然资源和规划局',
    '市住房和城乡建设局',
    '市交通运输局',
    '市水利局',
    '市农业农村局',
    '市商务局',
    '市文化和旅游局',
    '市卫生健康局',
    '市退役军人事务局',
    '市应急管理局',
    '市审计局',
    '市市场监督管理局',
    '市统计局',
    '市医疗保障局',
    '市综合行政执法局',
    '市行政审批服务局',
    '市信访局',
    '市大数据中心',
    '市机关事务服务中心',
    '市总工会',
    '团市委',
    '市妇联',
    '市科协',
    '市残联',
    '市红十字会',
    '市工商联',
    '市文联',
    '市税务局',
    '市人民法院',
    '市人民检察院',
    '市档案馆',
    '市图书馆',
    '市融媒体中心',
    '市气象局',
    '市住房公积金管理中心',
    '市不动产登记中心',
    '市公共资源交易中心',
    '市供销合作社',
    '市消防救援大队',
    '市公路事业发展中心',
    '市城市管理服务中心',
    '市社会保险事业中心',
    '市疾病预防控制中心',
    '市退役军人服务中心',
    '市园林环卫服务中心',
  ].map((name) => ({ name: `高密${name}`, kind: 'government_unit' as const })),
  ...['市第一中学', '市第二中学', '市实验中学', '市康成中学', '市职业中等专业学校'].map((name) => ({
    name: `高密${name}`,
    kind: 'school' as const,
  })),
  ...['市人民医院', '市中医院', '市妇幼保健院', '市精神卫生中心'].map((name) => ({ name: `高密${name}`, kind: 'hospital' as const })),
];

export const dualRegistrationServices = [
  '志愿服务',
  '政策宣讲',
  '文明创建',
  '环境整治',
  '助老服务',
  '义诊',
  '法律咨询',
  '安全巡查',
  '助学',
];
