/**
 * SM2 signature verification (GB/T 32918.2, signer ID 1234567812345678, SM3), fast enough for the
 * hot path: e = SM3(Z_A ‖ M) by node:crypto, Z_A cached per public key, and sG + tP computed by
 * the WebAssembly core (sm2.c) from fixed-base tables of G and of the key — no doublings at
 * verification time. The tables of the most recently used keys stay in memory (bounded LRU); the
 * first verification against a key builds its table.
 *
 * Accepts iff r, s ∈ [1, n−1], t = r + s mod n ≠ 0, the key is a point on the curve, and
 * (e + x1) mod n = r for (x1, y1) = sG + tP, that point not being the point at infinity.
 */
import { createHash } from 'node:crypto';
import { SM2_WASM_BASE64 } from './sm2-wasm.js';

/** GB/T 32918.5 recommended curve parameters. */
export const SM2_CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
} as const;

export const SM2_DEFAULT_ID = '1234567812345678';

const { p, a, b, n, gx, gy } = SM2_CURVE;
const LIMBS = 8;
/** Signed window widths: G's table is built once, a key's once per key (33 × 128 points, 264 KiB). */
const G_WIDTH = 10;
const KEY_WIDTH = 8;
/** How many keys keep their table; licences are signed by few issuing departments. */
export const SM2_KEY_CACHE_SIZE = 64;

const windowsOf = (w: number) => Math.ceil(257 / w);
const tableBytes = (w: number) => windowsOf(w) * (1 << (w - 1)) * 2 * LIMBS * 4;
const scratchBytes = (w: number) => ((1 << (w - 1)) + 1) * 4 * LIMBS * 4;
const IO_BYTES = 4 * LIMBS * 4 + 4;

interface Core {
  memory: WebAssembly.Memory;
  buildTable(table: number, base: number, w: number, windows: number, scratch: number): void;
  check(tG: number, wG: number, nG: number, tP: number, wP: number, nP: number, io: number): number;
  fieldMul(r: number, a: number, b: number): void;
  io: number;
  scratch: number;
  gTable: number;
  /** Where key slot i's table starts: after G's, one table per slot. */
  slotsAt: number;
  slots: number;
}

const hex64 = (x: bigint) => x.toString(16).padStart(64, '0');
const mod = (x: bigint, m: bigint) => ((x % m) + m) % m;
const toMont = (x: bigint) => (x << 256n) % p;

/** Writes a field element or scalar (< 2^256) as 8 little-endian 32-bit limbs at byte offset `at`. */
function writeLimbs(core: Core, at: number, x: bigint): void {
  const words = new Uint32Array(core.memory.buffer, at, LIMBS);
  const h = hex64(x);
  for (let i = 0; i < LIMBS; i++) words[i] = Number.parseInt(h.slice(56 - 8 * i, 64 - 8 * i), 16);
}

function growTo(memory: WebAssembly.Memory, bytes: number): void {
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
}

let core: Core | undefined;

function loadCore(): Core {
  if (core) return core;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(SM2_WASM_BASE64, 'base64')));
  const e = instance.exports as unknown as {
    memory: WebAssembly.Memory;
    __heap_base: WebAssembly.Global;
    sm2_build_table: Core['buildTable'];
    sm2_check: Core['check'];
    sm2_field_mul: Core['fieldMul'];
  };
  const io = Math.ceil((e.__heap_base.value as number) / 64) * 64;
  const scratch = io + Math.ceil(IO_BYTES / 64) * 64;
  const gTable = scratch + Math.max(scratchBytes(G_WIDTH), scratchBytes(KEY_WIDTH));
  const made: Core = {
    memory: e.memory,
    buildTable: e.sm2_build_table,
    check: e.sm2_check,
    fieldMul: e.sm2_field_mul,
    io,
    scratch,
    gTable,
    slotsAt: gTable + tableBytes(G_WIDTH),
    slots: 0,
  };
  growTo(made.memory, made.slotsAt);
  buildTable(made, made.gTable, gx, gy, G_WIDTH);
  core = made;
  return made;
}

function buildTable(c: Core, table: number, x: bigint, y: bigint, w: number): void {
  writeLimbs(c, c.io, toMont(x));
  writeLimbs(c, c.io + LIMBS * 4, toMont(y));
  c.buildTable(table, c.io, w, windowsOf(w), c.scratch);
}

/** The affine point of a public key in hex (04‖x‖y, or 02/03‖x compressed), if it is on the curve. */
export function sm2PublicPoint(hex: string): { x: bigint; y: bigint } | undefined {
  let x: bigint;
  let y: bigint;
  if (/^04[0-9a-fA-F]{128}$/.test(hex)) {
    x = BigInt(`0x${hex.slice(2, 66)}`);
    y = BigInt(`0x${hex.slice(66)}`);
  } else if (/^0[23][0-9a-fA-F]{64}$/.test(hex)) {
    x = BigInt(`0x${hex.slice(2)}`);
    if (x >= p) return undefined;
    y = power(mod(x * x * x + a * x + b, p), (p + 1n) / 4n); // p ≡ 3 (mod 4)
    if ((y & 1n) !== BigInt(hex[1] === '3')) y = mod(-y, p);
  } else return undefined;
  if (x >= p || y >= p || mod(y * y - (x * x * x + a * x + b), p) !== 0n) return undefined;
  return { x, y };
}

function power(base: bigint, exp: bigint): bigint {
  let r = 1n;
  for (let x = base % p, e = exp; e > 0n; e >>= 1n, x = (x * x) % p) if (e & 1n) r = (r * x) % p;
  return r;
}

/** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A). */
export function sm2Z(point: { x: bigint; y: bigint }, id = SM2_DEFAULT_ID): Buffer {
  const idBytes = Buffer.from(id, 'utf8');
  const entl = Buffer.from([(idBytes.length * 8) >> 8, (idBytes.length * 8) & 0xff]);
  const fields = [a, b, gx, gy, point.x, point.y].map((v) => Buffer.from(hex64(v), 'hex'));
  return createHash('sm3')
    .update(Buffer.concat([entl, idBytes, ...fields]))
    .digest();
}

interface KeyEntry {
  slot: number;
  z: Buffer;
}

const keys = new Map<string, KeyEntry>();

/** The key's cached table and Z (most recently used last), building them on a miss. */
function keyEntry(c: Core, hex: string): KeyEntry | undefined {
  const hit = keys.get(hex);
  if (hit) {
    keys.delete(hex);
    keys.set(hex, hit);
    return hit;
  }
  const point = sm2PublicPoint(hex);
  if (!point) return undefined;
  let slot: number;
  if (keys.size >= SM2_KEY_CACHE_SIZE) {
    const [oldest, entry] = keys.entries().next().value!;
    keys.delete(oldest);
    slot = entry.slot;
  } else {
    slot = c.slots++;
    growTo(c.memory, c.slotsAt + c.slots * tableBytes(KEY_WIDTH));
  }
  buildTable(c, c.slotsAt + slot * tableBytes(KEY_WIDTH), point.x, point.y, KEY_WIDTH);
  const entry = { slot, z: sm2Z(point) };
  keys.set(hex, entry);
  return entry;
}

/** Whether `signature` (r ‖ s, 32 bytes each, big-endian) is an SM2 signature of `message` under the public key (hex). */
export function sm2Verify(message: Uint8Array, signature: Uint8Array, publicKeyHex: string): boolean {
  if (signature.length !== 64) return false;
  const sigHex = Buffer.from(signature.buffer, signature.byteOffset, 64).toString('hex');
  const r = BigInt(`0x${sigHex.slice(0, 64)}`);
  const s = BigInt(`0x${sigHex.slice(64)}`);
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const t = (r + s) % n;
  if (t === 0n) return false;
  const c = loadCore();
  const key = keyEntry(c, publicKeyHex);
  if (!key) return false;
  const e = BigInt(`0x${createHash('sm3').update(key.z).update(message).digest('hex')}`);
  // (e + x1) mod n = r ⇔ x1 ≡ r − e (mod n); x1 < p < 2n, so x1 is v or v + n.
  const v = mod(r - e, n);
  return xIsOneOf(c, key, s, t, v + n < p ? [v, v + n] : [v]);
}

/** Whether the x coordinate of sG + tP (P the key, s and t in [1, n−1]) is one of the candidates (< p). */
export function sm2CombinedXIsOneOf(publicKeyHex: string, s: bigint, t: bigint, candidates: bigint[]): boolean {
  const c = loadCore();
  const key = keyEntry(c, publicKeyHex);
  return key !== undefined && xIsOneOf(c, key, s, t, candidates);
}

function xIsOneOf(c: Core, key: KeyEntry, s: bigint, t: bigint, candidates: bigint[]): boolean {
  if (candidates.length < 1 || candidates.length > 2) throw new Error('sm2: one or two candidates');
  writeLimbs(c, c.io, s);
  writeLimbs(c, c.io + LIMBS * 4, t);
  candidates.forEach((x, i) => writeLimbs(c, c.io + (2 + i) * LIMBS * 4, toMont(x)));
  new Uint32Array(c.memory.buffer, c.io + 4 * LIMBS * 4, 1)[0] = candidates.length;
  const keyTable = c.slotsAt + key.slot * tableBytes(KEY_WIDTH);
  return c.check(c.gTable, G_WIDTH, windowsOf(G_WIDTH), keyTable, KEY_WIDTH, windowsOf(KEY_WIDTH), c.io) === 1;
}

/** The core's Montgomery product a·b·2^-256 mod p (a, b < p), for tests of its carries. */
export function sm2CoreFieldMul(x: bigint, y: bigint): bigint {
  const c = loadCore();
  writeLimbs(c, c.io, x);
  writeLimbs(c, c.io + LIMBS * 4, y);
  c.fieldMul(c.io + 2 * LIMBS * 4, c.io, c.io + LIMBS * 4);
  const words = new Uint32Array(c.memory.buffer, c.io + 2 * LIMBS * 4, LIMBS);
  return words.reduceRight((acc, w) => (acc << 32n) | BigInt(w), 0n);
}
