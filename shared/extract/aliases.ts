// Owner aliases: the short forms documents use (市发改委) mapped to one canonical full name
// (北京市发展和改革委员会), so every mention of a body counts as one owner. Analysts extend it.

/** alias → canonical name. */
export type AliasTable = ReadonlyMap<string, string>;

const BEIJING_MUNICIPAL: Readonly<Record<string, string>> = {
  // Party organs
  市委: '中共北京市委员会',
  市委办公厅: '中共北京市委办公厅',
  市委研究室: '中共北京市委研究室',
  市委组织部: '中共北京市委组织部',
  市委宣传部: '中共北京市委宣传部',
  市委统战部: '中共北京市委统一战线工作部',
  市委政法委: '中共北京市委政法委员会',
  市纪委: '中共北京市纪律检查委员会',
  市委社会工委: '中共北京市委社会工作委员会',
  市委网信办: '中共北京市委网络安全和信息化委员会办公室',
  市委党校: '中共北京市委党校',
  市编办: '北京市机构编制委员会办公室',
  市编委: '北京市机构编制委员会',
  // Legislature, government, advisory body
  市人大常委会: '北京市人民代表大会常务委员会',
  市政府: '北京市人民政府',
  市政协: '中国人民政治协商会议北京市委员会',
  市政府办公厅: '北京市人民政府办公厅',
  市政府研究室: '北京市人民政府研究室',
  市政府法制办: '北京市人民政府法制办公室',
  // Commissions
  市发改委: '北京市发展和改革委员会',
  市发展改革委: '北京市发展和改革委员会',
  市教委: '北京市教育委员会',
  市科委: '北京市科学技术委员会',
  市经信委: '北京市经济和信息化委员会',
  市经济信息化委: '北京市经济和信息化委员会',
  市经信局: '北京市经济和信息化局',
  市规委: '北京市规划委员会',
  市规划委: '北京市规划委员会',
  市规划国土委: '北京市规划和国土资源管理委员会',
  市规划自然资源委: '北京市规划和自然资源委员会',
  市住建委: '北京市住房和城乡建设委员会',
  市住房城乡建设委: '北京市住房和城乡建设委员会',
  市城管委: '北京市城市管理委员会',
  市城市管理委: '北京市城市管理委员会',
  市市政市容委: '北京市市政市容管理委员会',
  市交通委: '北京市交通委员会',
  市商务委: '北京市商务委员会',
  市商务局: '北京市商务局',
  市卫生计生委: '北京市卫生和计划生育委员会',
  市卫计委: '北京市卫生和计划生育委员会',
  市卫生健康委: '北京市卫生健康委员会',
  市卫健委: '北京市卫生健康委员会',
  市农委: '北京市农村工作委员会',
  市旅游委: '北京市旅游发展委员会',
  市国资委: '北京市人民政府国有资产监督管理委员会',
  市民委: '北京市民族宗教事务委员会',
  // Bureaus
  市公安局: '北京市公安局',
  市民政局: '北京市民政局',
  市司法局: '北京市司法局',
  市财政局: '北京市财政局',
  市人力社保局: '北京市人力资源和社会保障局',
  市国土局: '北京市国土资源局',
  市环保局: '北京市环境保护局',
  市生态环境局: '北京市生态环境局',
  市水务局: '北京市水务局',
  市园林绿化局: '北京市园林绿化局',
  市文化局: '北京市文化局',
  市文旅局: '北京市文化和旅游局',
  市文化和旅游局: '北京市文化和旅游局',
  市文物局: '北京市文物局',
  市体育局: '北京市体育局',
  市统计局: '北京市统计局',
  市审计局: '北京市审计局',
  市工商局: '北京市工商行政管理局',
  市质监局: '北京市质量技术监督局',
  市安监局: '北京市安全生产监督管理局',
  市食药监局: '北京市食品药品监督管理局',
  市市场监管局: '北京市市场监督管理局',
  市新闻出版广电局: '北京市新闻出版广电局',
  市民防局: '北京市民防局',
  市城管执法局: '北京市城市管理综合行政执法局',
  市金融局: '北京市地方金融监督管理局',
  市金融工作局: '北京市金融工作局',
  市应急局: '北京市应急管理局',
  市农业农村局: '北京市农业农村局',
  市知识产权局: '北京市知识产权局',
  市重大办: '北京市重大项目建设指挥部办公室',
  市协同办: '北京市推进京津冀协同发展领导小组办公室',
};

const NATIONAL: Readonly<Record<string, string>> = {
  国家发改委: '国家发展和改革委员会',
  国家发展改革委: '国家发展和改革委员会',
  工信部: '工业和信息化部',
  科技部: '科学技术部',
  人社部: '人力资源和社会保障部',
  住建部: '住房和城乡建设部',
  环保部: '环境保护部',
  交通部: '交通运输部',
  文旅部: '文化和旅游部',
  国家卫健委: '国家卫生健康委员会',
  国家卫生计生委: '国家卫生和计划生育委员会',
  国务院国资委: '国务院国有资产监督管理委员会',
  国家市场监管总局: '国家市场监督管理总局',
  中科院: '中国科学院',
  国家协同办: '京津冀协同发展领导小组办公室',
};

/** Built-in aliases: Beijing municipal bodies (as the capital's documents abbreviate them) and national ministries. */
export const BUILT_IN_ALIASES: AliasTable = new Map(Object.entries({ ...BEIJING_MUNICIPAL, ...NATIONAL }));

/** The built-in table merged with the analyst's own entries; theirs win on a clash. */
export function aliasTable(extra: Readonly<Record<string, string>>): AliasTable {
  const table = new Map(BUILT_IN_ALIASES);
  for (const [alias, canonical] of Object.entries(extra)) {
    const key = alias.trim();
    const value = canonical.trim();
    if (key && value) table.set(key, value);
  }
  return table;
}

// Chains (alias → canonical → the analyst's renaming of that canonical) are followed this far.
const MAX_CHAIN = 4;

/**
 * The canonical name of an owner: both the alias and the full name map to the same string.
 * A city prefix is dropped when the rest is a known alias (北京市发改委, 北京市委研究室).
 */
export function normalizeOwner(name: string, aliases: AliasTable): string {
  const trimmed = name.replace(/\s+/g, '');
  let current = lookup(trimmed, aliases) ?? trimmed;
  for (let step = 0; step < MAX_CHAIN; step++) {
    const next = aliases.get(current);
    if (next === undefined || next === current) break;
    current = next;
  }
  return current;
}

// Documents write the same body with or without the city: 北京市发改委 = 市发改委.
function lookup(name: string, aliases: AliasTable): string | undefined {
  const direct = aliases.get(name);
  if (direct !== undefined) return direct;
  if (name.startsWith('北京') && name.length > 3) return aliases.get(name.slice(2));
  return undefined;
}
