/**
 * A synthetic corpus of resident demands for tests and the benchmark: templates per category,
 * written the way residents phrase them on the 12345 hotline or the mobile page, with slots filled
 * (compounds, buildings, roads, times, numbers) and noise (greetings, closings, a second issue
 * mentioned in passing, dropped characters, a handling level that dispatchers would set
 * differently). Deterministic for a given seed. It is not real data: accuracy measured on it says
 * the classifier works, not how well it will do on a county's own demands.
 */
import { pick, type Random, seededRandom } from './random.ts';

export const DEMAND_CATEGORIES = [
  '环境卫生',
  '物业管理',
  '停车管理',
  '邻里纠纷',
  '市政设施',
  '安全隐患',
  '养老服务',
  '政策咨询',
  '噪音扰民',
  '供暖供水',
] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];

export const HANDLING_LEVELS = ['compound', 'community', 'subdistrict', 'department'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export interface SyntheticDemand {
  text: string;
  category: DemandCategory;
  level: HandlingLevel;
}

type Template = [text: string, level: HandlingLevel];

const C: HandlingLevel = 'compound';
const M: HandlingLevel = 'community';
const S: HandlingLevel = 'subdistrict';
const D: HandlingLevel = 'department';

const TEMPLATES: Record<DemandCategory, Template[]> = {
  环境卫生: [
    ['{place}{building}楼道堆放杂物，纸箱旧家具占满了通道，{time}一直没人清理', C],
    ['{place}垃圾清运不及时，垃圾桶满了溢到地上，{time}臭味很大', C],
    ['{place}门口绿化带里全是生活垃圾和建筑垃圾，{time}没有清理', M],
    ['{place}的垃圾分类投放点脏乱差，苍蝇蚊子多，夏天气味难闻', C],
    ['有人在{place}旁边空地焚烧垃圾，烟很大，呛得没法开窗', M],
    ['{road}路边垃圾堆了好几堆，环卫工人{time}都没来扫', S],
    ['{building}顶楼有住户养鸽子，鸽子粪便弄得到处都是', C],
    ['小区化粪池满了往外冒，污水流到路上，{time}一直这样', M],
  ],
  物业管理: [
    ['{place}物业费照收却不干事，{building}电梯坏了{n}天没人修', C],
    ['{place}物业公司不作为，保洁和保安都撤了，没人管', M],
    ['{place}物业擅自上调物业费，没有经过业主大会表决', M],
    ['{place}电梯经常困人，物业维保不到位，{time}已经困了{n}次', C],
    ['小区公共收益去向不明，要求物业公开账目', M],
    ['找物业报修{n}次都不来，物业人员态度还很差', C],
    ['{place}原来的物业要撤场了，以后小区没人管怎么办', S],
    ['物业把小区公共绿地改成收费停车位，业主不同意', M],
  ],
  停车管理: [
    ['{place}车位太少，晚上车都停到消防通道上了', C],
    ['有车长期占用{place}{building}门口的消防通道，{time}都不挪', C],
    ['外来车辆随意进出{place}占用车位，门岗也不管', C],
    ['{road}两边乱停车，早晚高峰堵得走不动', D],
    ['{place}地下车库车位只租不售，租金一年涨了{n}百元', M],
    ['一辆僵尸车在{place}停了{n}个月，落满灰也没人挪', M],
    ['想在{place}车位上装充电桩，物业不给开证明', M],
    ['{road}上的共享单车乱停乱放，把盲道都堵了', S],
  ],
  邻里纠纷: [
    ['楼上住户家里漏水到我家，{time}协商不成，希望调解', C],
    ['邻居在公共走廊装了铁门，把公共部位圈成自家的', C],
    ['{building}有住户养狗不拴绳，吓到小孩，说了也不听', C],
    ['邻居装修把建材堆在我家门口，双方吵了起来，希望社区调解', M],
    ['对门在楼道装了摄像头正对我家门口，侵犯隐私', C],
    ['和隔壁因为院墙边界起了矛盾，{time}吵了{n}回，需要社区出面', M],
    ['楼下住户私自占用公共绿地种菜，邻居们意见很大', C],
    ['邻居家的空调外机正对着我家窗户，沟通多次没有结果', M],
  ],
  市政设施: [
    ['{road}的路灯不亮了，{time}晚上黑漆漆的，走路不安全', M],
    ['{road}上的井盖破损，有个大坑，很容易摔倒', D],
    ['{place}门口的人行道砖坏了，坑坑洼洼的', S],
    ['{road}的下水道堵塞，一下雨就积水，{time}都没人疏通', S],
    ['{road}的公交站牌被撞坏了，{time}一直没修', D],
    ['{place}旁边小广场的健身器材坏了，螺丝都松了', M],
    ['{road}路口的红绿灯坏了，车和人都乱走', D],
    ['{road}的路面塌陷了一块，{time}没有修补', D],
  ],
  安全隐患: [
    ['{building}有人把电动车推进楼道充电，还有飞线充电，很危险', C],
    ['{place}的消防栓没有水，灭火器也过期了', C],
    ['{building}外墙瓷砖脱落，差点砸到楼下的人', M],
    ['{place}里有棵大树歪了快倒了，刮风天很危险', M],
    ['{place}地下室有人住，还用明火做饭，容易着火', M],
    ['{building}楼道里堵住了安全出口，万一着火跑不出去', C],
    ['楼里燃气管道有异味，怀疑漏气，{time}一直能闻到', D],
    ['{place}的配电箱门坏了，电线裸露在外面，小孩经常在旁边玩', C],
  ],
  养老服务: [
    ['我家老人{n}岁独居，想申请社区助餐服务', M],
    ['社区老年食堂的饭菜太贵，希望能有补贴', M],
    ['家里老人瘫痪在床，想申请上门护理服务', S],
    ['{place}没有老年活动室，老人没地方下棋聊天', M],
    ['高龄津贴已经{n}个月没有发了，请帮忙查一下', S],
    ['{building}是老旧楼没有电梯，老人上下楼困难，希望加装电梯', S],
    ['{building}的独居老人没人照看，希望志愿者定期上门探访', C],
    ['想给失能老人申请长期护理保险，不知道找谁', M],
  ],
  政策咨询: [
    ['请问居住证怎么办理，需要带什么材料', M],
    ['想咨询一下低保的申请条件和办理流程', M],
    ['孩子上小学划片是什么政策，{place}属于哪个学区', D],
    ['医保异地就医报销怎么办理，需要备案吗', D],
    ['老旧小区改造是什么政策，我们{place}能不能申请', S],
    ['灵活就业人员的社保怎么交，在哪里办', D],
    ['办理残疾证需要去哪里，要准备哪些证明', M],
    ['新生儿落户需要什么手续，在社区能办吗', M],
  ],
  噪音扰民: [
    ['{place}的广场舞音响声音太大，{time}吵得睡不着', M],
    ['{building}楼上装修电钻声从早响到晚，周末也不停', C],
    ['附近工地夜间施工，{time}凌晨{n}点还在打桩', D],
    ['楼下烧烤店晚上喧哗到凌晨{n}点，吵得没法休息', S],
    ['{building}邻居家的狗整夜叫，严重影响休息', C],
    ['{road}上的大货车半夜鸣笛，噪音很大', D],
    ['{road}旁边的歌厅音响声太大，{time}每晚都吵', S],
    ['楼顶的空调机组运转声音很大，嗡嗡响，{time}晚上睡不着', C],
  ],
  供暖供水: [
    ['{building}家里暖气不热，室温只有{n}度', D],
    ['{place}停水{n}天了，事先也没有通知', D],
    ['家里的自来水发黄，有异味，不敢喝', D],
    ['{place}二次供水水压太低，高层用不上水', C],
    ['暖气费已经交了，但是{time}一直不供暖', D],
    ['{building}楼里水管爆裂漏水，{time}一直在流', C],
    ['暖气片漏水，打供热公司电话没人来修', S],
    ['{place}的水表坏了，水费一个月{n}百多元，明显不对', D],
  ],
};

const CATEGORY_WEIGHTS: Record<DemandCategory, number> = {
  环境卫生: 16,
  物业管理: 15,
  停车管理: 12,
  邻里纠纷: 9,
  市政设施: 11,
  安全隐患: 8,
  养老服务: 7,
  政策咨询: 8,
  噪音扰民: 9,
  供暖供水: 5,
};

const PLACES = ['幸福里小区', '阳光花园', '锦绣家园', '凤凰城小区', '书香苑', '康庄小区', '朝阳新村', '金色港湾', '御景华庭', '丰泽苑'];
const MORE_PLACES = ['鸿福花园', '东关小区', '利民小区', '夷安花园', '文化苑', '康成新村', '凤凰名都', '翰林苑', '水岸花城', '北关社区'];
const ROADS = ['人民路', '凤凰大街', '胶州路', '利民街', '夷安大道', '康成大街', '北海路', '醴泉路', '密水大街', '昌安路'];
const TIMES = ['最近一周', '这几天', '每天晚上', '已经半个月了', '从上周开始', '昨天夜里', '近一个月', '好长时间', '天天'];
const GREETINGS = ['您好，', '你好，', '反映个事，', '麻烦问一下，', '我是{place}的居民，', ''];
const CLOSINGS = ['麻烦尽快处理。', '谢谢！', '希望社区管一管。', '已经打过12345了。', '请有关部门重视。', '盼回复。', ''];

export interface SyntheticOptions {
  count: number;
  seed: number;
  /** Share of demands that mention a second issue of another category in passing (default 0.12). */
  crossMention?: number;
  /** Probability that a character is dropped, as in hasty typing or speech-to-text (default 0.02). */
  dropChar?: number;
  /** Share of demands whose handling level is set one level away from the template's (default 0.15). */
  levelNoise?: number;
}

export function generateDemands(options: SyntheticOptions): SyntheticDemand[] {
  const random = seededRandom(options.seed);
  const crossMention = options.crossMention ?? 0.12;
  const dropChar = options.dropChar ?? 0.02;
  const levelNoise = options.levelNoise ?? 0.15;
  const demands: SyntheticDemand[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const category = weightedCategory(random);
    const [template, templateLevel] = pick(random, TEMPLATES[category]);
    let body = fill(random, template);
    if (random() < crossMention) {
      const other = pick(
        random,
        DEMAND_CATEGORIES.filter((c) => c !== category),
      );
      body += `，另外${fill(random, pick(random, TEMPLATES[other])[0])}`;
    }
    const closing = pick(random, CLOSINGS);
    const text = dropCharacters(random, fill(random, pick(random, GREETINGS)) + body + (closing ? `，${closing}` : '。'), dropChar);
    demands.push({ text, category, level: random() < levelNoise ? neighbourLevel(random, templateLevel) : templateLevel });
  }
  return demands;
}

/** The demands as classifier examples for one target. */
export function asExamples(demands: readonly SyntheticDemand[], target: 'category' | 'level'): { text: string; label: string }[] {
  return demands.map((d) => ({ text: d.text, label: d[target] }));
}

function weightedCategory(random: Random): DemandCategory {
  const total = DEMAND_CATEGORIES.reduce((sum, c) => sum + CATEGORY_WEIGHTS[c], 0);
  let r = random() * total;
  for (const category of DEMAND_CATEGORIES) {
    r -= CATEGORY_WEIGHTS[category];
    if (r < 0) return category;
  }
  return DEMAND_CATEGORIES[DEMAND_CATEGORIES.length - 1]!;
}

function fill(random: Random, template: string): string {
  return template
    .replaceAll('{place}', () => pick(random, random() < 0.5 ? PLACES : MORE_PLACES))
    .replaceAll('{building}', () => {
      const building = `${1 + Math.floor(random() * 30)}号楼`;
      return random() < 0.5 ? building : `${building}${1 + Math.floor(random() * 4)}单元`;
    })
    .replaceAll('{road}', () => pick(random, ROADS))
    .replaceAll('{time}', () => pick(random, TIMES))
    .replaceAll('{n}', () => String(2 + Math.floor(random() * 18)));
}

function dropCharacters(random: Random, text: string, probability: number): string {
  return [...text].filter(() => random() >= probability).join('');
}

function neighbourLevel(random: Random, level: HandlingLevel): HandlingLevel {
  const index = HANDLING_LEVELS.indexOf(level);
  const candidates = [HANDLING_LEVELS[index - 1], HANDLING_LEVELS[index + 1]].filter((l): l is HandlingLevel => l !== undefined);
  return pick(random, candidates);
}
