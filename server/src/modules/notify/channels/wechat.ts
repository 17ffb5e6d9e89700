/**
 * WeChat official-account template messages (模板消息): an access token from appid and secret
 * (cached until shortly before it expires), then one POST per message to the person's openid with
 * the template chosen per message kind. Values are already capped to what a field holds.
 */
import { PermanentFailure, type Channel } from './channel.js';

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** Message kind → template id registered in the official account. */
  templates: Record<string, string>;
  apiBase?: string;
}

export function wechatTemplates(config: WechatConfig, fetchImpl: typeof fetch = fetch): Channel {
  const base = config.apiBase ?? 'https://api.weixin.qq.com';
  let token: { value: string; until: number } | undefined;
  const accessToken = async () => {
    if (token && token.until > Date.now()) return token.value;
    const url = `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(config.appId)}&secret=${encodeURIComponent(config.appSecret)}`;
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) throw new Error(`WeChat token refused (${body.errcode ?? res.status})`);
    token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };
  return {
    async send(m) {
      const templateId = config.templates[m.kind];
      if (!templateId) throw new PermanentFailure(`no WeChat template for ${m.kind}`);
      const res = await fetchImpl(`${base}/cgi-bin/message/template/send?access_token=${await accessToken()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: m.to,
          template_id: templateId,
          client_msg_id: m.idempotencyKey.slice(0, 64),
          data: { thing1: { value: m.title }, thing2: { value: m.text } },
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as { errcode?: number; msgid?: number };
      // 43004: the person does not follow the account; 40003: not a valid openid.
      if (body.errcode === 43004 || body.errcode === 40003)
        throw new PermanentFailure(`WeChat refused (${body.errcode})`);
      if (body.errcode) throw new Error(`WeChat failed (${body.errcode})`);
      return { ref: String(body.msgid ?? '') };
    },
  };
}
