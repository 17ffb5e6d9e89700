/**
 * Understanding a question: the aspects it asks, the region it names (the catalogue's region names,
 * whole or without 市/区/县), whether it is about the person's own applications, and what is left to
 * search for the service — nothing left means a follow-up about the item already discussed.
 */
import type { Aspect } from '../../../../contracts/assistant.js';
import { classifyAspects } from './aspects.js';

export interface RegionName {
  code: string;
  name: string;
}

export interface Question {
  aspects: Aspect[];
  region?: RegionName;
  /** "我的申请到哪一步了": the person's own cases. */
  myCases: boolean;
  /** What to search for the service ("" when the question names none). */
  service: string;
}

/** Region names longest first, with their short forms (南明区 → 南明, 黔东南苗族侗族自治州 → 黔东南). */
export class RegionNames {
  private readonly names: { text: string; region: RegionName }[];
  private readonly codes = new Map<string, RegionName>();

  constructor(regions: readonly RegionName[]) {
    const names = new Map<string, RegionName>();
    for (const r of regions) {
      const region = { code: r.code, name: r.name };
      this.codes.set(r.code, region);
      names.set(r.name, region);
      const short = r.name.replace(
        /(?:(?:苗族|侗族|布依族|彝族|回族|仡佬族|土家族|水族)+自治[州县]|特区|新区|[省市区县州])$/,
        '',
      );
      if (short.length >= 2 && !names.has(short)) names.set(short, region);
    }
    this.names = [...names].map(([text, region]) => ({ text, region })).sort((a, b) => b.text.length - a.text.length);
  }

  byCode(code: string): RegionName | undefined {
    return this.codes.get(code);
  }

  /** The region the text names (the most specific when it names several), and the text without it. */
  find(text: string): { region?: RegionName; rest: string } {
    let found: RegionName | undefined;
    let rest = text;
    for (const { text: name, region } of this.names) {
      if (!rest.includes(name)) continue;
      rest = rest.replaceAll(name, ' ');
      if (!found || region.code.length > found.code.length) found = region;
    }
    return { region: found, rest };
  }
}

const MY_CASES =
  /我的(?:申请|办件|事项|业务|案件)|(?:办|审批|审核)?到哪一?步|办得怎么样|(?:申请|办件|审批)进度|进展到哪/;

/** Words that ask nothing by themselves: what is left of a follow-up ("那要多少钱？" → nothing). */
const FILLER =
  /请问|你好|您好|想问一下|想问|问一下|我想|我要|那么|那个|这个|这件事|这事|它|该|还有|还|那|再|要|需要|得|呢|吗|啊|呀|吧|的|了|是|能|可以|多|办理|办|一下|我|[\s\p{P}\p{S}]/gu;

/** Words around the service that only make it a question ("能全省通办吗" leaves "能"; "办退休的流程" leaves "的"). */
const LEADING = /^(?:请问|你好|您好|想问一下|我想|我要|那么|那|想|办完|办好)+/;
const TRAILING = /(?:的|吗|呢|啊|吧|可以|能不能|可不可以|能|要|需要|有|是多少|多少|是什么)+$/;

/** Reads a question. */
export function readQuestion(question: string, regions: RegionNames): Question {
  const text = question.normalize('NFKC');
  const myCases = MY_CASES.test(text);
  const { aspects, rest: withoutAspects } = classifyAspects(text);
  const { region, rest } = regions.find(withoutAspects);
  const service = rest
    .split(/[\s\p{P}\p{S}]+/u)
    .map((part) => part.replace(LEADING, '').replace(TRAILING, ''))
    .filter((part) => part.length > 0)
    .join(' ');
  return { aspects, region, myCases, service: service.replace(FILLER, '').length === 0 ? '' : service };
}

/** The same question however it is spelled or punctuated (the learning list's key). */
export const normaliseQuestion = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** A question as it may be stored: long digit runs (an ID, a phone or a case number) masked. */
export const maskQuestion = (text: string) => text.replace(/\d{6,}/g, (d) => '*'.repeat(d.length)).slice(0, 200);
