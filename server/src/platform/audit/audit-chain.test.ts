import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import {
  auditEntry,
  auditHash,
  canonicalJson,
  canonicalTime,
  deriveAuditKey,
  GENESIS_HASH,
  toChainedFields,
  type AuditEntry,
} from './audit-chain.js';

const key = deriveAuditKey(randomBytes(32));
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
// Any UTF-16 code unit, lone surrogates and NUL included (PostgreSQL stores neither).
const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '办'),
);
const text = fc.string({ unit: codeUnit, maxLength: 20 });
const optText = fc.option(text, { nil: null });
const detail = fc.dictionary(text, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
const date = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

const entry: fc.Arbitrary<AuditEntry> = fc.record({
  at: date,
  actorId: optText,
  actorKind: fc.constantFrom('person', 'staff', 'system', 'anonymous'),
  onBehalfOf: optText,
  action: fc.constantFrom('identity.sign-in', 'identity.role-granted', 'exchange.person-read'),
  targetType: optText,
  targetId: optText,
  ip: optText,
  reason: optText,
  detail,
});

/** The same JSON value with every object's keys in another order. */
function shuffleKeys(value: unknown, rotate: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rotate));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const r = entries.length ? rotate % entries.length : 0;
    return Object.fromEntries(
      [...entries.slice(r), ...entries.slice(0, r)].reverse().map(([k, v]) => [k, shuffleKeys(v, rotate)]),
    );
  }
  return value;
}

/**
 * What the database hands back: strings through UTF-8 (the drivers' encoding turns lone
 * surrogates into U+FFFD; PostgreSQL refuses NUL), detail through JSON, dates to the millisecond.
 */
function roundTrip<T extends ReturnType<typeof toChainedFields>>(f: T): T {
  const utf8 = (s: string | null) => {
    if (s?.includes('\u0000')) throw new Error('PostgreSQL cannot store NUL');
    return s === null ? null : Buffer.from(s, 'utf8').toString('utf8');
  };
  const json = JSON.stringify(f.detail);
  if (json.includes('\\u0000')) throw new Error('PostgreSQL cannot store NUL in jsonb');
  return {
    ...f,
    at: new Date(f.at.toISOString()),
    actorId: utf8(f.actorId),
    actorKind: utf8(f.actorKind)!,
    onBehalfOf: utf8(f.onBehalfOf),
    action: utf8(f.action)!,
    targetType: utf8(f.targetType),
    targetId: utf8(f.targetId),
    ip: utf8(f.ip),
    reason: utf8(f.reason),
    detail: JSON.parse(Buffer.from(JSON.stringify(f.detail), 'utf8').toString('utf8')) as Record<string, unknown>,
  };
}

/** The chained fields, or the error code when the entry is refused (keys that collide once made storable). */
function chained(e: AuditEntry, seq: number, prev: string): ReturnType<typeof toChainedFields> | string {
  try {
    return toChainedFields(e, seq, prev);
  } catch (err) {
    return (err as { code: string }).code;
  }
}

function storableFields(e: AuditEntry, seq: number, prev: string): ReturnType<typeof toChainedFields> {
  const f = chained(e, seq, prev);
  fc.pre(typeof f !== 'string');
  return f as ReturnType<typeof toChainedFields>;
}

describe('canonical serialisation', () => {
  it('does not depend on the key order of detail', () => {
    fc.assert(
      fc.property(entry, fc.nat(), fc.integer({ min: 1, max: 1e9 }), hex64, (e, rotate, seq, prev) => {
        const hashOf = (detail: Record<string, unknown>) => {
          const f = chained({ ...e, detail }, seq, prev);
          return typeof f === 'string' ? f : auditHash(key, f);
        };
        expect(hashOf(shuffleKeys(e.detail, rotate) as Record<string, unknown>)).toBe(hashOf(e.detail!));
      }),
    );
  });

  it('hashes what the database gives back exactly as what was written', () => {
    fc.assert(
      fc.property(entry, fc.integer({ min: 1, max: 1e9 }), hex64, (e, seq, prev) => {
        const written = storableFields(e, seq, prev);
        expect(auditHash(key, roundTrip(written))).toBe(auditHash(key, written));
      }),
    );
  });

  const fields = [
    'seq',
    'prevHash',
    'at',
    'actorId',
    'actorKind',
    'onBehalfOf',
    'action',
    'targetType',
    'targetId',
    'ip',
    'reason',
    'detail',
  ] as const;

  it('changes with any change to any field', () => {
    fc.assert(
      fc.property(
        entry,
        fc.integer({ min: 1, max: 1e9 }),
        hex64,
        fc.constantFrom(...fields),
        text,
        fc.integer({ min: 1, max: 1e6 }),
        (e, seq, prev, field, other, delta) => {
          const base = storableFields(e, seq, prev);
          const changed = { ...base };
          switch (field) {
            case 'seq':
              changed.seq = seq + delta;
              break;
            case 'at':
              changed.at = new Date(base.at.getTime() + delta);
              break;
            case 'prevHash':
              changed.prevHash = base.prevHash === GENESIS_HASH ? 'f'.repeat(64) : GENESIS_HASH;
              break;
            case 'detail':
              changed.detail = { ...base.detail, [`${other}\u0001`]: delta };
              break;
            case 'actorKind':
            case 'action':
              changed[field] = `${base[field]}${other}x`;
              break;
            default:
              // Null and the empty string are different values, as are any two strings.
              changed[field] = base[field] === null ? other : base[field] === other ? null : other;
          }
          expect(auditHash(key, changed)).not.toBe(auditHash(key, base));
        },
      ),
    );
  });

  it('writes absent optional fields as explicit nulls', () => {
    const bare = toChainedFields(
      { actorId: null, actorKind: 'anonymous', action: 'identity.sign-in', at: new Date(0) },
      1,
      GENESIS_HASH,
    );
    const nulls = toChainedFields(
      {
        actorId: null,
        actorKind: 'anonymous',
        action: 'identity.sign-in',
        at: new Date(0),
        ip: null,
        reason: null,
        detail: {},
      },
      1,
      GENESIS_HASH,
    );
    expect(auditHash(key, bare)).toBe(auditHash(key, nulls));
    expect(canonicalJson({ b: undefined, a: [undefined, 1], c: null })).toBe('{"a":[null,1],"c":null}');
    expect(
      canonicalJson(
        toChainedFields(
          { actorId: null, actorKind: 'system', action: 'x.y', detail: JSON.parse('{"__proto__":{"x":1}}') },
          1,
          GENESIS_HASH,
        ).detail,
      ),
    ).toBe('{"__proto__":{"x":1}}');
  });

  it('counts time to the microsecond, as PostgreSQL renders it', () => {
    const f = toChainedFields(
      { actorId: null, actorKind: 'system', action: 'x.y', at: new Date('2026-11-02T02:00:00.123Z') },
      1,
      GENESIS_HASH,
    );
    expect(canonicalTime(f.at)).toBe('2026-11-02T02:00:00.123000Z');
    expect(auditHash(key, { ...f, at: '2026-11-02T02:00:00.123000Z' })).toBe(auditHash(key, f));
    expect(auditHash(key, { ...f, at: '2026-11-02T02:00:00.123001Z' })).not.toBe(auditHash(key, f));
  });

  it('depends on the key', () => {
    const fieldsOf = toChainedFields(auditEntry({ id: 's1', kind: 'staff' }, 'identity.role-granted'), 1, GENESIS_HASH);
    expect(auditHash(deriveAuditKey(randomBytes(32)), fieldsOf)).not.toBe(auditHash(key, fieldsOf));
  });

  it('refuses a detail that is not a JSON object and an empty action', () => {
    expect(() =>
      toChainedFields(
        { actorId: null, actorKind: 'system', action: 'x.y', detail: [] as unknown as Record<string, unknown> },
        1,
        GENESIS_HASH,
      ),
    ).toThrow(/AUDIT.BAD_DETAIL/);
    expect(() => toChainedFields({ actorId: null, actorKind: 'system', action: '' }, 1, GENESIS_HASH)).toThrow(
      /AUDIT.BAD_ACTION/,
    );
    expect(() =>
      toChainedFields(
        { actorId: null, actorKind: 'system', action: 'x.y', detail: { '\ud800': 1, '\udbff': 2 } },
        1,
        GENESIS_HASH,
      ),
    ).toThrow(/AUDIT.BAD_DETAIL/);
  });
});

describe('auditEntry', () => {
  it('takes the actor fields from the actor', () => {
    expect(
      auditEntry({ id: 'p1', kind: 'person' }, 'exchange.person-read', {
        targetType: 'person',
        targetId: 't1',
        reason: '办件核验',
      }),
    ).toEqual({
      actorId: 'p1',
      actorKind: 'person',
      action: 'exchange.person-read',
      targetType: 'person',
      targetId: 't1',
      reason: '办件核验',
    });
  });
});
