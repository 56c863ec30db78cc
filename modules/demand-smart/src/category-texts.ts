/**
 * The built-in corpus per leaf category: what residents and 12345 operators write about each leaf
 * category of the default taxonomy (packages/db/migrations/0003_demands.sql) — a title and a
 * description per demand, for one kind of place — a household of a compound, or a village. The place is left as
 * placeholders that the scale generator fills from the demand's own territory node in SQL
 * ({county}, {subdistrict}, {community}, {compound} — the village's name for a village —,
 * {building}, {unit}, {room}), so the text names the compound, building and room the demand is
 * filed at (the demo county's demands are written so). Filled with a sample place, the same texts
 * are the built-in prior that a county's retrain may add to its own demands (./model-selection.ts).
 *
 * Texts come in three voices: a resident's short message from the phone, a resident's long one
 * (greeting, address, since when, what happened, what they tried, what they ask), and a 12345
 * operator's work order (来电人反映 … 诉求 … 请核实处理). Titles are short and name the place
 * down to the compound or building at most — never a room or a phone — since they are shown on the
 * public board. Deterministic for a seed.
 */
import { SeededRandom as Random } from '@linli/core';

/** The seeded generator with the draws this file needs. */
export interface CategoryTexts {
  /** Leaf category code of the default taxonomy. */
  code: string;
  /** Words of which every title and description of the category holds at least one (tested). */
  keywords: readonly string[];
  /** Also happens in villages (otherwise households of compounds only). */
  village: boolean;
  titles: readonly string[];
  /** What happened: the heart of the description (each holds a keyword). */
  bodies: readonly string[];
  /** More of the same: what it causes, what was tried. */
  details: readonly string[];
  /** What the person asks for. */
  asks: readonly string[];
  /** A question rather than a complaint (type enquiry). */
  enquiry?: boolean;
}

export const CATEGORY_TEXTS: readonly CategoryTexts[] = [
  {
    code: 'garbage',
    keywords: ['垃圾'],
    village: true,
    titles: ['{compound}垃圾清运不及时', '垃圾桶满了没人清运', '{compound}垃圾堆放点脏乱', '生活垃圾好几天没拉走'],
    bodies: [
      '{compound}的垃圾桶已经满了好几天，垃圾溢到地上也没人清运',
      '{compound}门口的垃圾中转点{date}一直没拉走，臭味很大，招苍蝇',
      '垃圾车{date}都没来过，{compound}路边堆了好几堆生活垃圾',
      '{compound}的垃圾分类投放点脏乱差，垃圾袋被野猫扒得到处都是',
    ],
    details: [
      '天一热味道熏得窗户都不敢开，老人孩子出门都得绕着走',
      '找过保洁，说垃圾车不来他们也没办法',
      '下雨后垃圾水流得满地都是，走路直打滑',
    ],
    asks: ['希望尽快安排清运垃圾，并且固定清运时间', '请督促环卫部门按时清运垃圾'],
  },
  {
    code: 'corridor_clutter',
    keywords: ['楼道', '杂物', '堆放', '堆物'],
    village: false,
    titles: ['{building}楼道堆放杂物', '楼道杂物堵住通道', '{compound}楼道堆物长期不清'],
    bodies: [
      '{building}{unit}楼道里堆满了纸箱、旧家具和废品，上下楼只能侧着身子走',
      '楼上住户把自行车、花盆和旧沙发堆放在{building}楼道拐角，占了大半个通道',
      '{building}一楼楼道被人堆了成捆的纸壳子和泡沫箱，{date}一直没人清理',
    ],
    details: ['晚上楼道灯又不亮，老人已经磕碰过两次', '跟物业说过几次，物业贴了通知就没下文了', '杂物都是易燃的，万一着火后果不堪设想'],
    asks: ['希望物业组织清理楼道杂物', '请社区督促住户把楼道里的东西搬走'],
  },
  {
    code: 'greenery',
    keywords: ['绿化', '树', '草坪', '绿地'],
    village: true,
    titles: ['{compound}绿化带无人养护', '树木遮挡采光需修剪', '{compound}草坪枯死杂草丛生'],
    bodies: [
      '{compound}的绿化带{date}没人修剪，杂草长得半人高',
      '楼前的几棵大树枝叶长得太密，把低楼层的窗户全挡住了，屋里白天都得开灯',
      '{compound}的草坪大面积枯死，只剩黄土，一刮风尘土飞扬',
      '绿地里的树枝伸到了电线上，刮风时来回摩擦',
    ],
    details: ['夏天蚊虫特别多，孩子身上全是包', '绿化费每年都交，却看不到有人养护', '找物业说要等园林公司，一等就是好几个月'],
    asks: ['请安排人员修剪树木、清理杂草', '希望尽快恢复绿化养护'],
  },
  {
    code: 'sewage_fumes',
    keywords: ['油烟', '污水', '排污', '异味', '排放'],
    village: true,
    titles: ['饭店油烟直排扰民', '{compound}附近污水横流', '小作坊偷排污水'],
    bodies: [
      '{compound}沿街的饭店没装油烟净化器，油烟直接排到住户窗前',
      '{compound}旁边有家小作坊往沟里排污水，水是黑的，味道刺鼻',
      '楼下烧烤店的排烟管道正对着{building}的窗户，油烟异味一直往家里钻',
      '{road}边上的排污口一直往外冒污水，臭气熏天',
    ],
    details: ['晾在外面的衣服全是油烟味', '夏天根本不敢开窗，家里老人有哮喘', '跟店主沟通过，对方态度很不好'],
    asks: ['请环保部门来检测一下，依法处理', '要求商户安装油烟净化设备'],
  },
  {
    code: 'property_service',
    keywords: ['物业'],
    village: false,
    titles: ['{compound}物业服务不到位', '物业报修不处理', '物业保洁保安形同虚设'],
    bodies: [
      '{compound}物业服务太差，保洁一周才来扫一次，门岗晚上经常没人',
      '家里{date}报修了{building}的单元门禁，物业一直拖着不来',
      '物业人员态度恶劣，业主去物业办公室反映问题被直接顶回来',
      '{compound}的物业把公共区域租给商户卖东西，业主不知道收益去哪了',
    ],
    details: ['物业费一分不少交，服务却一年不如一年', '打物业电话要么没人接，要么说马上来', '业主群里意见很大，好多人说不交物业费了'],
    asks: ['请社区督促物业履行合同', '希望主管部门约谈物业公司'],
  },
  {
    code: 'elevator',
    keywords: ['电梯'],
    village: false,
    titles: ['{building}电梯故障停运', '电梯频繁困人', '{compound}电梯维保不到位'],
    bodies: [
      '{building}{unit}的电梯{date}坏了，一直停着没人修',
      '{building}电梯这个月已经困人两次了，有一次困了四十多分钟',
      '电梯运行时晃得厉害，还有异响，{building}的住户都不敢坐',
    ],
    details: ['家里有八十多岁的老人住在高层，只能困在家里下不了楼', '物业说要等配件，也说不清要等多久', '电梯里的年检合格证早就过期了'],
    asks: ['请尽快维修电梯，保证安全运行', '希望特种设备监管部门来检查一下电梯'],
  },
  {
    code: 'property_fees',
    keywords: ['物业费', '收费', '费用'],
    village: false,
    titles: ['物业擅自上调物业费', '{compound}物业收费不合理', '物业乱收费'],
    bodies: [
      '{compound}物业没有经过业主大会，就把物业费从每平米一块二涨到一块八',
      '物业在物业费之外，还要收什么垃圾清运费和公摊电费，收费不明不白',
      '物业说不交齐物业费就不给办门禁卡，这样收费合理吗',
    ],
    details: ['问他们要收费依据，拿不出来', '很多老人是退休工资，负担不起', '公示栏里也没有收费标准'],
    asks: ['请有关部门核查物业收费是否合规', '要求物业公开收费依据和收支明细'],
  },
  {
    code: 'maintenance_fund',
    keywords: ['维修资金', '维修基金', '专项维修'],
    village: false,
    titles: ['{compound}维修资金申请难', '屋面漏雨申请维修基金无果', '维修资金使用不公开'],
    bodies: [
      '{building}顶楼屋面漏雨，想动用专项维修资金修，物业和社区互相推',
      '{compound}外墙保温层脱落，申请维修基金{date}了还没批下来',
      '想知道{compound}的维修基金账上还有多少钱，去哪里能查到',
    ],
    details: ['需要三分之二业主签字，我们签了一大半还没人接手', '每次下雨顶层住户家里都用盆接水', '业主交的钱，业主自己却用不上'],
    asks: ['请说明维修资金的申请流程并尽快办理', '希望公开维修资金的使用情况'],
  },
  {
    code: 'illegal_parking',
    keywords: ['停车', '停放', '占道', '乱停'],
    village: true,
    titles: ['{compound}车辆乱停乱放', '门口乱停车堵路', '{road}两侧乱停车'],
    bodies: [
      '{compound}门口天天有车乱停乱放，把进出的路堵得只剩一条缝',
      '{road}两侧乱停车，早晚高峰根本过不去，公交车都开不动',
      '有辆车{date}一直停放在{building}单元门口，占道也不挪',
      '外来车辆随意停放在{compound}的消防车道和绿地上',
    ],
    details: ['打挪车电话没人接', '孩子上学只能从车缝里钻过去', '门岗说管不了外面的车'],
    asks: ['请交警或城管来管一管乱停车', '希望规划停车位并加强管理'],
  },
  {
    code: 'parking_space',
    keywords: ['车位'],
    village: false,
    titles: ['{compound}车位被占', '地下车位只租不售', '车位纠纷协调不了'],
    bodies: [
      '我在{compound}买的车位{date}总被别人的车占着',
      '{compound}地下车库的车位只租不售，租金一年比一年涨',
      '物业把公共车位划给了个别住户专用，其他业主没有车位停车',
    ],
    details: ['给物业打了好几次电话，来了也只是贴个条', '车位合同写得清清楚楚，对方就是不认', '晚上回来只能停到很远的路边'],
    asks: ['请物业和社区协调车位问题', '希望有关部门规范车位出租出售'],
  },
  {
    code: 'ev_charging',
    keywords: ['充电桩', '充电'],
    village: false,
    titles: ['{compound}想装充电桩物业不同意', '小区电动车充电设施不够', '充电桩坏了没人修'],
    bodies: [
      '买了新能源车，想在自己车位上装充电桩，物业不给开同意证明',
      '{compound}只有几个电动自行车充电桩，下班回来根本排不上',
      '{compound}的充电桩{date}坏了好几个，扫码也充不上电',
    ],
    details: ['供电公司说必须物业盖章才给报装', '很多人没办法只好往家里拉线充电', '充电桩的运营公司电话打不通'],
    asks: ['希望协调物业配合安装充电桩', '请增加充电设施并及时维修'],
  },
  {
    code: 'noise',
    keywords: ['噪音', '吵', '扰民', '声音'],
    village: true,
    titles: ['{compound}夜间噪音扰民', '广场舞音响声音太大', '楼上噪音影响休息'],
    bodies: [
      '{compound}广场舞的音响声音开得特别大，每天晚上吵到九点多',
      '楼上住户每天半夜拖椅子、蹦跳，噪音吵得人整宿睡不着',
      '{compound}附近工地夜间施工，凌晨一两点还在打桩，噪音扰民',
      '{road}边上的烧烤摊每晚喝酒划拳到凌晨，吵得没法休息',
    ],
    details: ['家里有高三学生，根本没法复习', '老人心脏不好，被吵得血压都高了', '找对方说过几次，当面答应，晚上照样吵'],
    asks: ['请相关部门管一管噪音扰民', '希望限定时间、降低音量'],
  },
  {
    code: 'leakage',
    keywords: ['漏水', '渗水', '水渍', '防水'],
    village: false,
    titles: ['楼上漏水到我家', '{building}卫生间渗水', '漏水纠纷协商不成'],
    bodies: [
      '楼上住户家卫生间漏水，渗到我家天花板上，墙皮都泡掉了',
      '{building}{unit}楼上装修后防水没做好，我家厨房顶上一直渗水',
      '我家墙面大片水渍发霉，查下来是隔壁的水管漏水',
    ],
    details: ['找楼上协商了好几次，对方说不是他家的问题不让进门查', '物业说是邻里之间的事让我们自己解决', '家里的吊顶和衣柜都泡坏了'],
    asks: ['希望社区出面调解，查明漏水原因', '要求对方维修并赔偿损失'],
  },
  {
    code: 'pets',
    keywords: ['狗', '宠物', '犬', '猫'],
    village: true,
    titles: ['{compound}遛狗不拴绳', '邻居养狗扰民', '宠物粪便无人清理'],
    bodies: [
      '{compound}有人遛狗不拴绳，大狗冲着小孩扑，吓得孩子直哭',
      '{building}邻居家养了三条狗，一天到晚叫个不停',
      '{compound}草坪和路上到处是狗屎，养宠物的人从来不清理',
      '有人在楼道里喂流浪猫，弄得楼道又脏又臭',
    ],
    details: ['前几天还有老人被狗咬伤了', '说了几次，狗主人反倒骂人', '物业说没有执法权管不了'],
    asks: ['请社区和物业加强文明养犬管理', '希望督促犬主拴绳并清理粪便'],
  },
  {
    code: 'family',
    keywords: ['家庭', '赡养', '矛盾', '调解', '婚姻', '老伴', '儿子', '儿女'],
    village: true,
    titles: ['家庭矛盾需要调解', '子女不赡养老人', '{compound}一家人闹矛盾'],
    bodies: [
      '我和儿子儿媳因为房子的事闹矛盾，{date}天天吵架，想请社区帮忙调解',
      '我母亲八十多岁了，几个儿女都不管，互相推脱赡养责任',
      '邻居家夫妻俩经常吵架摔东西，家庭矛盾闹得很凶，孩子跟着受罪',
      '老伴去世后，兄弟姐妹为了老房子分家产闹得不可开交',
    ],
    details: ['自家人说不通，只能找组织', '老人现在生活费都没着落', '再这样下去怕出事'],
    asks: ['希望社区或司法所出面调解', '请帮忙做做工作，督促子女尽赡养义务'],
  },
  {
    code: 'road',
    keywords: ['路面', '道路', '坑', '破损', '塌陷'],
    village: true,
    titles: ['{road}路面破损', '道路坑洼不平', '{compound}门口路面塌陷'],
    bodies: [
      '{road}靠近{compound}的一段路面破损严重，坑坑洼洼',
      '{compound}门口的道路塌陷了一块，坑有半米深',
      '进{compound}的那条路{date}被大车压坏了，一下雨全是泥坑',
    ],
    details: ['晚上骑电动车的已经摔了好几个', '车一过泥水溅得行人一身', '路边只放了个锥桶，一直没修'],
    asks: ['请尽快修补路面', '希望交通部门安排维修道路'],
  },
  {
    code: 'street_light',
    keywords: ['路灯', '照明', '灯'],
    village: true,
    titles: ['{road}路灯不亮', '{compound}门口路灯坏了', '路灯损坏晚上漆黑'],
    bodies: [
      '{road}这一段的路灯{date}一直不亮，晚上黑漆漆的',
      '{compound}门口的几盏路灯坏了，晚上回家得打手电',
      '{road}上的路灯白天亮着晚上反而不亮',
    ],
    details: ['晚上下班的女同志都不敢一个人走', '前几天有人在那里摔伤了', '灯杆上贴的报修电话打不通'],
    asks: ['请尽快维修路灯', '希望恢复照明，保障夜间出行安全'],
  },
  {
    code: 'water_supply',
    keywords: ['停水', '自来水', '水压', '供水', '水管', '排水', '下水道', '积水', '水'],
    village: true,
    titles: ['{compound}突然停水', '自来水水压低', '下水道堵塞污水外溢'],
    bodies: [
      '{compound}{date}突然停水，事先没有任何通知',
      '{building}高层水压太低，一到做饭时间水龙头就没水',
      '家里的自来水发黄，有一股铁锈味，不敢喝',
      '{compound}的下水道堵塞，一下雨就积水，污水从井口往外冒',
    ],
    details: ['家里老人孩子洗漱做饭都成问题', '打了供水公司电话，说在查原因', '只能去亲戚家拉水用'],
    asks: ['请尽快恢复供水并说明原因', '希望水务部门来检测水质并疏通管道'],
  },
  {
    code: 'manhole',
    keywords: ['井盖'],
    village: true,
    titles: ['{road}井盖缺失', '井盖破损有安全隐患', '{compound}门口井盖松动'],
    bodies: [
      '{road}人行道上有个井盖丢了，只剩一个黑洞，特别危险',
      '{compound}门口的井盖破了一个大口子，车一压就哐当响',
      '{road}和{compound}交界的井盖松动翘起',
    ],
    details: ['晚上看不清，有人差点掉下去', '有人临时放了根树枝做记号', '小孩放学都从那里走'],
    asks: ['请尽快补上井盖', '希望有关部门排查周边井盖'],
  },
  {
    code: 'fire_lane',
    keywords: ['消防'],
    village: true,
    titles: ['{compound}消防通道被堵', '消防栓没水', '消防设施损坏'],
    bodies: [
      '{compound}的消防通道被私家车占满，消防车根本进不来',
      '{building}楼道里的消防栓打开一看没有水，灭火器也过期了',
      '{compound}把消防通道锁上了，还在上面搭了棚子',
    ],
    details: ['前段时间隔壁小区着火，大家都很担心', '物业说车主不配合也没办法', '消防通道上还画着禁止停车的黄线'],
    asks: ['请消防部门来检查整改', '希望清理消防通道、更新消防设施'],
  },
  {
    code: 'falling_objects',
    keywords: ['坠', '脱落', '掉落', '高空', '抛物'],
    village: false,
    titles: ['{building}外墙瓷砖脱落', '高空抛物威胁安全', '空调外机架锈蚀有坠落风险'],
    bodies: [
      '{building}外墙瓷砖脱落，碎片掉在单元门口，差点砸到人',
      '{building}有人高空抛物，从楼上往下扔垃圾和酒瓶',
      '{building}{unit}楼上的空调外机支架锈透了，随时可能掉落',
    ],
    details: ['楼下是孩子们玩的地方', '车顶都被砸出了坑', '物业只是拉了条警戒带'],
    asks: ['请尽快排除高空坠物隐患', '希望查找抛物人并加装监控'],
  },
  {
    code: 'illegal_building',
    keywords: ['违建', '违章', '搭建', '私搭', '乱建'],
    village: true,
    titles: ['{compound}违章搭建', '一楼住户私搭乱建', '占用公共绿地私搭乱建'],
    bodies: [
      '{building}一楼住户私自扩建院子，违章搭建了阳光房',
      '有人在{compound}公共绿地上私搭乱建了一排铁皮房出租',
      '{compound}有人在楼顶违章搭建板房，压着防水层',
    ],
    details: ['挡住了别人家的采光和通道', '施工都是晚上偷偷干的', '反映过一次，来人看了看就走了'],
    asks: ['请执法部门依法拆除违建', '希望查处违章搭建并恢复原状'],
  },
  {
    code: 'gas',
    keywords: ['燃气', '煤气', '天然气', '液化气', '漏气'],
    village: true,
    titles: ['{building}楼道有燃气味', '燃气管道锈蚀怀疑漏气', '饭店违规使用液化气罐'],
    bodies: [
      '{building}{unit}楼道里{date}总有一股燃气味，怀疑管道漏气',
      '{compound}的天然气管道锈得很厉害，接口处有气味',
      '{compound}门口的饭店在后厨放了好几个液化气罐，没有任何防护',
    ],
    details: ['家里老人不敢开火做饭', '打燃气公司电话说排队等', '旁边就是居民楼，出事就是大事'],
    asks: ['请燃气公司马上来检修', '希望应急部门排查燃气安全隐患'],
  },
  {
    code: 'home_care',
    keywords: ['老人', '护理', '居家养老', '照料', '上门'],
    village: true,
    titles: ['独居老人需要上门照料', '申请居家养老服务', '失能老人护理问题'],
    bodies: [
      '我父亲八十五岁一个人住在{compound}，子女都在外地，想申请居家养老上门服务',
      '家里老人瘫痪在床，想问问能不能申请上门护理',
      '{compound}有位独居老人{date}没出门，邻居们很担心',
    ],
    details: ['请保姆太贵，老人退休金负担不起', '老人腿脚不便，一个人洗澡做饭都困难', '听说社区有养老服务站但不知道怎么申请'],
    asks: ['希望社区安排志愿者定期上门看望老人', '请告知居家养老服务怎么申请'],
  },
  {
    code: 'meal_aid',
    keywords: ['助餐', '食堂', '吃饭', '送餐'],
    village: true,
    titles: ['{compound}老年食堂饭菜贵', '申请老年助餐服务', '希望开通送餐上门'],
    bodies: [
      '社区老年食堂一份饭要十五块，老人吃不起，希望多给点助餐补贴',
      '我家老人七十八岁独居，想申请社区助餐服务',
      '{compound}附近没有老年食堂，老人吃饭很不方便',
    ],
    details: ['菜做得太咸太硬，老人嚼不动', '老人腿脚不好，走不到食堂', '好多老人天天吃剩饭凑合'],
    asks: ['希望增设助餐点并提供送餐上门', '请告知助餐补贴的申请办法'],
  },
  {
    code: 'elderly_allowance',
    keywords: ['高龄', '津贴', '补贴', '养老金'],
    village: true,
    titles: ['高龄补贴没有发放', '高龄津贴停发', '咨询高龄补贴申领'],
    bodies: [
      '我母亲今年九十岁，高龄补贴{date}没有到账了',
      '老人满了八十周岁，想申请高龄津贴，不知道需要什么材料',
      '同村的老人都领到了高龄补贴，我父亲的却一直没发',
    ],
    details: ['去银行查过，卡上没有这笔钱', '村里说报上去了，街道说没收到', '老人身份证和户口本都齐全'],
    asks: ['请帮忙查一下高龄补贴停发的原因', '希望尽快补发津贴'],
  },
  {
    code: 'social_insurance',
    keywords: ['社保', '医保', '养老保险', '报销', '参保'],
    village: true,
    enquiry: true,
    titles: ['咨询灵活就业社保缴纳', '医保异地报销怎么办', '社保断缴如何补缴'],
    bodies: [
      '我是灵活就业人员，想问一下社保怎么交，在哪里办理',
      '老人在外地住院，医保异地就医报销需要什么手续',
      '单位{date}没给我交社保，中间断缴了三个月，能不能补缴',
      '想给孩子交城乡居民医保，今年的缴费时间和标准是什么',
    ],
    details: ['问了好几个窗口说法都不一样', '网上办理一直提示信息有误', '着急看病等着报销'],
    asks: ['请告知办理流程和所需材料', '希望有工作人员给个准确答复'],
  },
  {
    code: 'household_registration',
    keywords: ['户口', '户籍', '身份证', '落户', '居住证', '迁'],
    village: true,
    enquiry: true,
    titles: ['咨询新生儿落户', '居住证怎么办理', '户口迁移手续咨询'],
    bodies: [
      '孩子刚出生，想咨询新生儿落户需要哪些手续',
      '我在{compound}租房住，想办居住证，需要带什么材料',
      '想把户口从老家迁到高密，在哪里办理户口迁移',
      '身份证丢了，补办身份证能不能在派出所当天拿',
    ],
    details: ['跑了两趟都说材料不全', '孩子上学等着用', '上班时间请假不方便'],
    asks: ['请告知详细办理流程', '希望能一次性告知所需材料'],
  },
  {
    code: 'social_assistance',
    keywords: ['低保', '救助', '困难', '特困', '临时救助'],
    village: true,
    enquiry: true,
    titles: ['咨询低保申请条件', '困难家庭申请临时救助', '低保被取消想问原因'],
    bodies: [
      '家里丈夫生病常年住院，没有收入，想申请低保，不知道什么条件',
      '我们家低保{date}突然被取消了，也没人通知原因',
      '家里遭了火灾，生活困难，能不能申请临时救助',
    ],
    details: ['孩子还在上学，日子实在过不下去了', '去村里问，说是上面审核的', '医药费已经欠了好几万'],
    asks: ['请告知低保和救助的申请办法', '希望重新核查我家的情况'],
  },
  {
    code: 'employment',
    keywords: ['就业', '创业', '工资', '招聘', '失业', '工作'],
    village: true,
    enquiry: true,
    titles: ['咨询创业担保贷款', '失业人员就业帮扶', '被拖欠工资求助'],
    bodies: [
      '我想自己开个小店，咨询一下创业担保贷款怎么申请',
      '我{date}失业了，想问问有没有免费的技能培训和招聘会',
      '在工地干了半年活，老板拖欠工资一直不给',
    ],
    details: ['家里还有房贷要还', '年纪大了找工作很难', '包工头电话已经打不通了'],
    asks: ['请告知就业创业的扶持政策', '希望帮忙讨回工资'],
  },
];

const DATES = [
  '从上个月中旬开始',
  '这半个多月',
  '已经一个多星期了',
  '今天早上',
  '昨天晚上',
  '上周三以来',
  '近两个月',
  '前天下午',
  '这几天',
  '从月初开始',
];
const ROADS = ['人民大街', '凤凰大街', '夷安大道', '康成大街', '醴泉大街', '密水大街', '北海路', '平安街', '顺河路', '立新街'];

const RESIDENT_GREETINGS = ['您好，', '你好，', '领导好，', '尊敬的领导：您好！', '打扰了，', '麻烦问一下，'];
const RESIDENT_CLOSINGS = ['麻烦尽快处理，谢谢！', '盼回复。', '谢谢！', '辛苦了。', '希望能给个答复。'];
const OPERATOR_CLOSINGS = ['请相关单位核实处理并回复来电人。', '请核实处理。', '来电人要求尽快处理，请及时联系来电人。'];

/** One generated demand text, its place left as placeholders. */
export interface CategoryText {
  code: string;
  title: string;
  description: string;
  /** Written for a village (no compound, building or room) rather than a household of a compound. */
  village: boolean;
  enquiry: boolean;
}

const HOUSEHOLD_ONLY = /\{(building|unit|room)\}/;

/** A pool of demand texts: `count` for households of compounds, then `villageCount` for villages. */
export function generateCategoryTexts(options: { count: number; villageCount: number; seed: number }): CategoryText[] {
  const random = new Random(options.seed);
  const out: CategoryText[] = [];
  const villageCategories = CATEGORY_TEXTS.filter((c) => c.village);
  for (let i = 0; i < options.count + options.villageCount; i++) {
    const village = i >= options.count;
    const category = random.pick(village ? villageCategories : CATEGORY_TEXTS);
    out.push({ code: category.code, village, enquiry: category.enquiry === true, ...compose(random, category, village) });
  }
  return out;
}

function compose(random: Random, c: CategoryTexts, village: boolean): { title: string; description: string } {
  const fits = (list: readonly string[]) => {
    const usable = village ? list.filter((s) => !HOUSEHOLD_ONLY.test(s)) : list;
    return usable.length > 0 ? usable : list.filter((s) => !HOUSEHOLD_ONLY.test(s));
  };
  const fill = (s: string) => s.replaceAll('{date}', () => random.pick(DATES)).replaceAll('{road}', () => random.pick(ROADS));
  const title = fill(random.pick(fits(c.titles)));
  const body = fill(random.pick(fits(c.bodies)));
  const details = random.sample(c.details, random.int(1, 2));
  const ask = random.pick(c.asks);
  const voice = random.next();
  let description: string;
  if (voice < 0.3) {
    // A quick message from the phone.
    description = `${body}${random.chance(0.5) ? `，${ask}` : ''}。`;
  } else if (voice < 0.65) {
    const address = village
      ? random.pick(['我是{subdistrict}{compound}的村民', '我家在{subdistrict}{compound}', '我是{compound}的'])
      : random.pick([
          '我家住在{compound}{building}{unit}{room}',
          '我是{community}{compound}{building}的住户',
          '本人住{subdistrict}{community}{compound}{building}{unit}',
          '我是{compound}的业主，住{building}{unit}{room}',
        ]);
    const since = random.chance(0.5) ? `，${random.pick(['这个事', '这个问题'])}${random.pick(DATES)}就有了` : '';
    description =
      `${random.pick(RESIDENT_GREETINGS)}${address}，想反映个事。${body}${since}。` +
      `${details.join('，')}。${ask}，${random.pick(RESIDENT_CLOSINGS)}`;
  } else {
    // A 12345 operator's work order.
    const address = village
      ? '来电人系{county}{subdistrict}{compound}村民'
      : random.pick([
          '来电人系{county}{subdistrict}{community}{compound}{building}{unit}{room}住户',
          '来电人称其居住在{compound}{building}{unit}',
        ]);
    description =
      `${random.pick(['市民来电反映：', '来电反映：', '12345热线来电：'])}${address}，${body}。` +
      `${details.map((d) => `来电人表示${d}`).join('；')}。来电人诉求：${ask}。${random.pick(OPERATOR_CLOSINGS)}`;
  }
  return { title, description: fill(description) };
}

/** The category texts of a leaf code. */
export function categoryTexts(code: string): CategoryTexts | undefined {
  return CATEGORY_TEXTS.find((c) => c.code === code);
}

/** Parent of each leaf code of the default taxonomy. */
export const DEFAULT_PARENT_CODES: Readonly<Record<string, string>> = {
  garbage: 'environment',
  corridor_clutter: 'environment',
  greenery: 'environment',
  sewage_fumes: 'environment',
  property_service: 'property',
  elevator: 'property',
  property_fees: 'property',
  maintenance_fund: 'property',
  illegal_parking: 'parking',
  parking_space: 'parking',
  ev_charging: 'parking',
  noise: 'neighbourhood',
  leakage: 'neighbourhood',
  pets: 'neighbourhood',
  family: 'neighbourhood',
  road: 'municipal',
  street_light: 'municipal',
  water_supply: 'municipal',
  manhole: 'municipal',
  fire_lane: 'safety',
  falling_objects: 'safety',
  illegal_building: 'safety',
  gas: 'safety',
  home_care: 'elderly',
  meal_aid: 'elderly',
  elderly_allowance: 'elderly',
  social_insurance: 'policy',
  household_registration: 'policy',
  social_assistance: 'policy',
  employment: 'policy',
};

const SAMPLE_PLACE: Record<string, string> = {
  county: '高密市',
  subdistrict: '朝阳街道',
  community: '城关社区',
  compound: '幸福里小区',
  building: '3号楼',
  unit: '2单元',
  room: '301室',
};

/** A text's place placeholders filled with a sample place. */
export function fillSamplePlace(text: string): string {
  return text.replace(/\{(county|subdistrict|community|compound|building|unit|room)\}/g, (_, key: string) => SAMPLE_PLACE[key] ?? '');
}
