/**
 * The optional language model: an OpenAI-compatible chat-completions endpoint that may rephrase an
 * answer's lead sentence, given only the guide text the answer cites. Off unless configured. Its
 * words are used only when every number and quoted name in them is in the guide
 * (`ungroundedFacts`); otherwise, or when it fails or is slow, the composed answer stands.
 */
export interface LanguageModelConfig {
  /** Base URL of the OpenAI-compatible API (…/v1). */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface Rephrase {
  question: string;
  /** The composed answer: lead sentence and lines, all guide text. */
  lead: string;
  lines: readonly string[];
}

export interface LanguageModel {
  rephrase(input: Rephrase): Promise<string | undefined>;
}

const SYSTEM = [
  '你是政务服务智能客服。只能用下面“指南原文”中的内容回答，用一两句通俗的话重述，不得添加原文没有的任何事实、数字、名称或承诺。',
  '不知道就说不知道。不要使用 Markdown。',
].join('');

/** A client of an OpenAI-compatible chat endpoint (`POST {url}/chat/completions`). */
export function openAiCompatible(config: LanguageModelConfig): LanguageModel {
  const endpoint = `${config.url.replace(/\/+$/, '')}/chat/completions`;
  return {
    async rephrase({ question, lead, lines }) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: config.model,
          temperature: 0,
          messages: [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: `问题：${question}\n指南原文：\n${[lead, ...lines].join('\n')}` },
          ],
        }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      if (!response.ok) throw new Error(`language model answered ${response.status}`);
      const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
      const content = body.choices?.[0]?.message?.content;
      return typeof content === 'string' && content.trim() ? content.trim().slice(0, 500) : undefined;
    },
  };
}
