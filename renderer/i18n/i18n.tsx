import { createContext, useContext, type ReactNode } from 'react';
import { LANGUAGES, type Language, type StringKey } from './strings';

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

type Params = Record<string, string | number> | undefined;

const LOCALES: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

interface Rules {
  plural: Intl.PluralRules;
  number: Intl.NumberFormat;
}
const rulesByLanguage = new Map<Language, Rules>();
const rulesFor = (language: Language): Rules => {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = { plural: new Intl.PluralRules(LOCALES[language]), number: new Intl.NumberFormat(LOCALES[language]) };
    rulesByLanguage.set(language, rules);
  }
  return rules;
};

/**
 * A message with its parameters filled in. `{name}` is the parameter's value; a plural picks a
 * branch by a number parameter, the way ICU messages do:
 *
 *     '{count, plural, =0 {Nothing new} one {# change} other {# changes}}'
 *
 * `=N` matches exactly N, then the language's plural category (Intl.PluralRules: English has
 * `one` and `other`, Chinese only `other`), else `other`. In a branch, `#` is the number
 * (formatted for the language when given as a number) and placeholders and plurals nest.
 * A count passed already formatted ("1,234") still picks its branch.
 */
export function formatMessage(template: string, params: Params, language: Language): string {
  return render(template, params, rulesFor(language), undefined);
}

function render(text: string, params: Params, rules: Rules, hash: string | undefined): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const c = text[at]!;
    if (c === '#' && hash !== undefined) {
      out += hash;
      at++;
      continue;
    }
    const close = c === '{' ? matchingBrace(text, at) : -1;
    if (close < 0) {
      out += c;
      at++;
      continue;
    }
    const inner = text.slice(at + 1, close);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
    if (plural) {
      const branch = pluralBranch(inner.slice(plural[0].length), params?.[plural[1]!], params, rules);
      out += branch === null ? text.slice(at, close + 1) : branch;
    } else if (/^\w+$/.test(inner)) {
      out += String(params?.[inner] ?? '');
    } else {
      out += text.slice(at, close + 1);
    }
    at = close + 1;
  }
  return out;
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === '{') depth++;
    else if (text[at] === '}' && --depth === 0) return at;
  }
  return -1;
}

/** The chosen branch of a plural's options (`one {…} other {…}`), rendered; null if they do not parse. */
function pluralBranch(
  options: string,
  value: string | number | undefined,
  params: Params,
  rules: Rules,
): string | null {
  const branches = new Map<string, string>();
  let at = 0;
  for (;;) {
    while (at < options.length && /\s/.test(options[at]!)) at++;
    if (at >= options.length) break;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(options.slice(at));
    if (!selector) return null;
    const open = at + selector[0].length - 1;
    const close = matchingBrace(options, open);
    if (close < 0) return null;
    branches.set(selector[1]!, options.slice(open + 1, close));
    at = close + 1;
  }
  const n = countOf(value);
  const branch = branches.get(`=${n}`) ?? branches.get(rules.plural.select(n)) ?? branches.get('other');
  if (branch === undefined) return null;
  const hash = typeof value === 'number' ? rules.number.format(value) : String(value ?? '');
  return render(branch, params, rules, hash);
}

/** The number a count parameter stands for: a number, or a whole number already formatted ("1,234", "1 234"). */
function countOf(value: string | number | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[\d\s,.'\u00a0\u202f]*\d[\d\s,.'\u00a0\u202f]*$/.test(value)) {
    return Number(value.replace(/\D/g, ''));
  }
  return NaN;
}

export function translator(language: Language): Translate {
  const table = LANGUAGES[language];
  return (key, params) => formatMessage(table[key], params, language);
}

/** The language the OS or browser prefers, when the analyst has not chosen one. */
export function preferredLanguage(): Language {
  return navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) &&
    !navigator.language.toLowerCase().startsWith('en')
    ? 'zh'
    : 'en';
}

const I18nContext = createContext<{ t: Translate; language: Language }>({ t: translator('en'), language: 'en' });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <I18nContext.Provider value={{ t: translator(language), language }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
