/**
 * A policy's examples (given facts → expected outcome) run against its versions: what was expected
 * and, when it failed, what the rule answered instead, both in words.
 */
import type { ExampleResult } from '../../../../../contracts/policy-admin.js';
import type { Text } from '../../../../../contracts/proactive.js';
import { explain } from '../rules/evaluate.js';
import { versionOn, type Example, type Policy } from '../rules/language.js';

interface Outcome {
  eligible: boolean;
  amount?: number | null;
  version?: number;
  failing?: readonly string[];
}

/** A condition's English words by its Chinese ones (examples name failing conditions in Chinese). */
const englishOf = (policy: Policy) =>
  new Map(policy.versions.flatMap((v) => v.when.map((c) => [c.label.zh, c.label.en] as const)));

function words(o: Outcome, english: ReadonlyMap<string, string>): Text {
  const zh = [o.eligible ? '符合' : '不符合'];
  const en = [o.eligible ? 'eligible' : 'not eligible'];
  if (o.version !== undefined) {
    zh.push(`第${o.version}版`);
    en.push(`version ${o.version}`);
  }
  if (o.amount != null) {
    zh.push(`金额${o.amount}元`);
    en.push(`${o.amount} yuan`);
  }
  if (o.failing?.length) {
    zh.push(`未满足：${o.failing.join('、')}`);
    en.push(`failing: ${o.failing.map((f) => english.get(f) ?? f).join('; ')}`);
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}

const noName = (code: string): Text => ({ zh: code, en: code });

export function runExample(policy: Policy, example: Example): ExampleResult {
  const version = versionOn(policy, example.on);
  const ex = version ? explain(version, policy.subject, example.facts, example.on, noName) : undefined;
  const failing = ex?.conditions.filter((c) => !c.held).map((c) => c.condition.zh) ?? [];
  const want = example.expect;
  const passed =
    (ex?.eligible ?? false) === want.eligible &&
    (want.amount === undefined || ex?.amount === want.amount) &&
    (want.version === undefined || ex?.policyVersion === want.version) &&
    (want.failing === undefined || JSON.stringify(failing) === JSON.stringify(want.failing));
  const actual: Outcome = ex
    ? { eligible: ex.eligible, amount: ex.amount, version: ex.policyVersion, failing }
    : { eligible: false };
  const english = englishOf(policy);
  return {
    name: example.name,
    on: example.on,
    expected: words(want, english),
    passed,
    actual: passed
      ? { zh: '', en: '' }
      : version
        ? words(actual, english)
        : { zh: '当日无有效版本', en: 'no version in force' },
  };
}
