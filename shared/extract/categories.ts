// The topic of a passage, for the items view: the analyst's plans are organised by field
// (交通方面, 生态方面…), and a clause usually names its field in its nouns. A small
// vocabulary, first match by position; the analyst corrects or adds categories by hand.

/** Category → words that mark it. Order matters only for ties at the same position. */
const VOCABULARY: readonly [string, RegExp][] = [
  ['交通', /交通|铁路|高铁|城际|高速|公路|机场|地铁|轨道|通车|通航|航线|港口|空港|陆港/],
  ['生态', /生态|绿化|绿心|造林|森林|大气|污染|蓝天|碧水|水源|治理与生态|环保|环境保护|风沙|节能|减排|碳/],
  ['产业', /产业|制造业|企业|园区|科技园|高新|招商|投资|经济|开发区|农产品/],
  ['公共服务', /公共服务|教育|学校|高校|院校|医疗|医院|卫生|养老|文化设施|剧院|图书馆|博物馆|体育|就业|社保/],
  ['疏解', /疏解|腾退|搬迁|迁建|非首都功能/],
  ['规划建设', /规划|城市副中心|雄安|新区/],
  ['扶贫协作', /扶贫|脱贫|贫困|帮扶|对口|援/],
  ['改革创新', /改革|创新|试点|开放|通关/],
  ['社会治理', /基层治理|治理|社区|街乡|党建|考评|绩效/],
];

/** "交通方面," at the start of a paragraph names the field of everything in it. */
const FIELD_LEAD = /^\s*([\u4e00-\u9fff]{2,6})方面[,，:：]/;

/** The category a passage's words name, or null. */
export function categoryOf(words: string): string | null {
  let best: { category: string; at: number } | null = null;
  for (const [category, re] of VOCABULARY) {
    const m = re.exec(words);
    if (m && (!best || m.index < best.at)) best = { category, at: m.index };
  }
  return best?.category ?? null;
}

/** The field a paragraph declares in its lead ("交通方面," → 交通), or null. */
export function paragraphField(paragraph: string): string | null {
  const m = FIELD_LEAD.exec(paragraph);
  return m ? (categoryOf(m[1]!) ?? m[1]!) : null;
}
