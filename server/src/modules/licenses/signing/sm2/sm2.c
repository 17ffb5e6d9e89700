/*
 * SM2 point arithmetic for signature verification (GB/T 32918.2), compiled to WebAssembly by
 * scripts/build-sm2-wasm.mjs. Only the hot path lives here: sG + tP from precomputed fixed-base
 * tables of G and of the issuer's key, and the check of its x coordinate against the candidates the
 * caller derived from r and e. Parsing, range checks, the curve check of the key, Z and SM3 stay in
 * TypeScript (sm2-verify.ts). Verification handles public data only, so nothing here needs to run
 * in constant time.
 *
 * Field elements: 8 little-endian 32-bit limbs, in Montgomery form (x·2^256 mod p), always fully
 * reduced (< p), so equal elements have equal limbs. Points: Jacobian (X, Y, Z), Z = 0 the point at
 * infinity; table entries are affine (x, y).
 */
typedef unsigned int u32;
typedef unsigned long long u64;

#define N 8
typedef u32 fe[N];

/* p = FFFFFFFE FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF 00000000 FFFFFFFF FFFFFFFF; -p^-1 mod 2^32 = 1. */
static const fe P = {0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0xFFFFFFFF,
                     0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFE};
/* 2^256 mod p: one in Montgomery form. */
static const fe ONE = {0x00000001, 0x00000000, 0xFFFFFFFF, 0x00000000,
                       0x00000000, 0x00000000, 0x00000000, 0x00000001};

static void fcopy(fe r, const fe a) {
  for (int i = 0; i < N; i++) r[i] = a[i];
}

static int fiszero(const fe a) {
  u32 x = 0;
  for (int i = 0; i < N; i++) x |= a[i];
  return x == 0;
}

static int feq(const fe a, const fe b) {
  u32 x = 0;
  for (int i = 0; i < N; i++) x |= a[i] ^ b[i];
  return x == 0;
}

/* r = t - p if t (with its carry bit) >= p, else t. */
static void freduce_once(fe r, const u32 t[N], u32 carry) {
  fe d;
  u64 borrow = 0;
  for (int i = 0; i < N; i++) {
    u64 x = (u64)t[i] - P[i] - borrow;
    d[i] = (u32)x;
    borrow = (x >> 32) & 1;
  }
  /* t >= p when the subtraction did not borrow, or when t overflowed 2^256. */
  if (carry || !borrow)
    fcopy(r, d);
  else
    fcopy(r, t);
}

static void fadd(fe r, const fe a, const fe b) {
  u32 t[N];
  u64 c = 0;
  for (int i = 0; i < N; i++) {
    c += (u64)a[i] + b[i];
    t[i] = (u32)c;
    c >>= 32;
  }
  freduce_once(r, t, (u32)c);
}

static void fsub(fe r, const fe a, const fe b) {
  u32 t[N];
  u64 borrow = 0;
  for (int i = 0; i < N; i++) {
    u64 x = (u64)a[i] - b[i] - borrow;
    t[i] = (u32)x;
    borrow = (x >> 32) & 1;
  }
  if (borrow) {
    u64 c = 0;
    for (int i = 0; i < N; i++) {
      c += (u64)t[i] + P[i];
      t[i] = (u32)c;
      c >>= 32;
    }
  }
  fcopy(r, t);
}

/*
 * Montgomery product a·b·2^-256 mod p, column by column (product scanning). p's shape
 * (2^256 - 2^224 - 2^96 + 2^64 - 1, and -p^-1 ≡ 1 mod 2^32) makes each reduction multiple m_i·p
 * four additions: the quotient limb m_i is the column's low word, which -m_i clears; +m_i, -m_i,
 * -m_i, +m_i land in columns i+2, i+3, i+7, i+8. Column sums stay far below 2^63: products are
 * split into their low and high words, the carry is signed.
 */
static void fmul(fe r, const fe a, const fe b) {
  u32 m[N], t[N];
  long long carry = 0;
#pragma clang loop unroll(full)
  for (int i = 0; i < 2 * N; i++) {
    u64 lo = 0, hi = 0;
#pragma clang loop unroll(full)
    for (int j = i < N ? 0 : i - N + 1; j <= (i < N ? i : N - 1); j++) {
      u64 product = (u64)a[j] * b[i - j];
      lo += (u32)product;
      hi += product >> 32;
    }
    long long c = (long long)lo + carry;
    if (i >= 2 && i <= 9) c += m[i - 2];
    if (i >= 3 && i <= 10) c -= m[i - 3];
    if (i >= 7 && i <= 14) c -= m[i - 7];
    if (i >= 8) c += m[i - 8];
    if (i < N) {
      m[i] = (u32)c;
      c -= m[i];
    } else {
      t[i - N] = (u32)c;
    }
    carry = (c >> 32) + (long long)hi;
  }
  /* (a·b + m·p) / 2^256 < 2p: the carry out is 0 or 1 */
  freduce_once(r, t, (u32)carry);
}

static void fsqr(fe r, const fe a) { fmul(r, a, a); }

/* a^(p-2): the inverse of a nonzero a (Fermat), in Montgomery form. */
static void finv(fe r, const fe a) {
  /* p - 2, most significant limb first */
  static const u32 E[N] = {0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
                           0xFFFFFFFF, 0x00000000, 0xFFFFFFFF, 0xFFFFFFFD};
  fe x;
  fcopy(x, ONE);
  for (int i = 0; i < N; i++)
    for (int bit = 31; bit >= 0; bit--) {
      fsqr(x, x);
      if ((E[i] >> bit) & 1) fmul(x, x, a);
    }
  fcopy(r, x);
}

typedef struct {
  fe x, y, z;
} jpoint;

/* Doubling for a = -3 (dbl-2001-b). */
static void jdouble(jpoint *r, const jpoint *p) {
  if (fiszero(p->z) || fiszero(p->y)) {
    fcopy(r->x, ONE);
    fcopy(r->y, ONE);
    for (int i = 0; i < N; i++) r->z[i] = 0;
    return;
  }
  fe delta, gamma, beta, alpha, t1, t2;
  fsqr(delta, p->z);
  fsqr(gamma, p->y);
  fmul(beta, p->x, gamma);
  fsub(t1, p->x, delta);
  fadd(t2, p->x, delta);
  fmul(alpha, t1, t2);
  fadd(t1, alpha, alpha);
  fadd(alpha, t1, alpha); /* 3(X - δ)(X + δ) */
  fadd(t1, p->y, p->z);
  fsqr(t1, t1);
  fsub(t1, t1, gamma);
  fsub(r->z, t1, delta); /* Z3 = (Y + Z)² - γ - δ */
  fadd(beta, beta, beta);
  fadd(beta, beta, beta); /* 4β */
  fsqr(t1, alpha);
  fadd(t2, beta, beta);
  fsub(r->x, t1, t2); /* X3 = α² - 8β */
  fsub(t1, beta, r->x);
  fmul(t1, alpha, t1);
  fsqr(gamma, gamma);
  fadd(gamma, gamma, gamma);
  fadd(gamma, gamma, gamma);
  fadd(gamma, gamma, gamma); /* 8γ² */
  fsub(r->y, t1, gamma);
}

/* r = p + (x2, y2), the second point affine (madd-2007-bl), with the equal and opposite cases. */
static void jadd_affine(jpoint *r, const jpoint *p, const fe x2, const fe y2) {
  if (fiszero(p->z)) {
    fcopy(r->x, x2);
    fcopy(r->y, y2);
    fcopy(r->z, ONE);
    return;
  }
  fe z1z1, u2, s2, h, hh, i, j, rr, v, t;
  fsqr(z1z1, p->z);
  fmul(u2, x2, z1z1);
  fmul(s2, y2, p->z);
  fmul(s2, s2, z1z1);
  fsub(h, u2, p->x);
  fsub(rr, s2, p->y);
  if (fiszero(h)) {
    if (fiszero(rr)) {
      jpoint q;
      fcopy(q.x, x2);
      fcopy(q.y, y2);
      fcopy(q.z, ONE);
      jdouble(r, &q);
    } else {
      for (int k = 0; k < N; k++) r->z[k] = 0;
    }
    return;
  }
  fsqr(hh, h);
  fadd(i, hh, hh);
  fadd(i, i, i); /* I = 4H² */
  fmul(j, h, i);
  fadd(rr, rr, rr);
  fmul(v, p->x, i);
  fe x3, y3, z3;
  fsqr(x3, rr);
  fsub(x3, x3, j);
  fsub(x3, x3, v);
  fsub(x3, x3, v); /* X3 = r² - J - 2V */
  fsub(t, v, x3);
  fmul(y3, rr, t);
  fmul(t, p->y, j);
  fadd(t, t, t);
  fsub(y3, y3, t); /* Y3 = r(V - X3) - 2·Y1·J */
  fadd(z3, p->z, h);
  fsqr(z3, z3);
  fsub(z3, z3, z1z1);
  fsub(z3, z3, hh); /* Z3 = (Z1 + H)² - Z1Z1 - HH */
  fcopy(r->x, x3);
  fcopy(r->y, y3);
  fcopy(r->z, z3);
}

/*
 * The fixed-base table of a point B for w-bit signed windows: for window k (0 ≤ k < windows) and
 * j = 1 … 2^(w-1), the affine point j·2^(w·k)·B, stored as x then y at
 * table + ((k·2^(w-1) + j - 1)·2·N) limbs. `scratch` holds (2^(w-1) + 1) Jacobian points and as
 * many field elements. `base` is B affine (x then y). B must have order n (a valid key or G).
 */
void sm2_build_table(u32 *table, const u32 *base, int w, int windows, u32 *scratch) {
  int half = 1 << (w - 1);
  jpoint *row = (jpoint *)scratch;
  fe *prefix = (fe *)(scratch + (half + 1) * 3 * N);
  fe bx, by;
  fcopy(bx, base);
  fcopy(by, base + N);
  for (int k = 0; k < windows; k++) {
    fcopy(row[0].x, bx);
    fcopy(row[0].y, by);
    fcopy(row[0].z, ONE);
    for (int j = 1; j < half; j++) jadd_affine(&row[j], &row[j - 1], bx, by);
    jdouble(&row[half], &row[half - 1]); /* 2^w·B: the next window's base */
    /* one inversion for the whole row (Montgomery's trick); no Z is zero since j·2^(wk) < n */
    fcopy(prefix[0], ONE);
    for (int j = 0; j < half; j++) fmul(prefix[j + 1], prefix[j], row[j].z);
    fe inv, acc;
    fmul(acc, prefix[half], row[half].z);
    finv(inv, acc);
    for (int j = half; j >= 0; j--) {
      fe zi, zi2;
      fmul(zi, inv, prefix[j]);
      fmul(inv, inv, row[j].z);
      fsqr(zi2, zi);
      u32 *out = j < half ? table + ((k * half + j) * 2 * N) : 0;
      fe x, y;
      fmul(x, row[j].x, zi2);
      fmul(y, row[j].y, zi2);
      fmul(y, y, zi);
      if (out) {
        fcopy(out, x);
        fcopy(out + N, y);
      } else {
        fcopy(bx, x);
        fcopy(by, y);
      }
    }
  }
}

/* The w bits of scalar k (8 limbs, little-endian) starting at bit pos; bits past 256 are zero. */
static u32 bits_at(const u32 *k, int pos, int w) {
  int limb = pos >> 5, shift = pos & 31;
  if (limb >= N) return 0;
  u64 v = k[limb];
  if (limb + 1 < N) v |= (u64)k[limb + 1] << 32;
  return (u32)(v >> shift) & ((1u << w) - 1);
}

/* acc += k·B, B given by its table (w-bit signed windows, windows of them). */
static void add_multiple(jpoint *acc, const u32 *table, int w, int windows, const u32 *k) {
  int half = 1 << (w - 1);
  u32 carry = 0;
  for (int i = 0; i < windows; i++) {
    int d = (int)(bits_at(k, i * w, w) + carry);
    carry = 0;
    if (d > half) {
      d -= 1 << w;
      carry = 1;
    }
    if (d == 0) continue;
    const u32 *e = table + ((i * half + (d > 0 ? d : -d) - 1) * 2 * N);
    if (d > 0) {
      jadd_affine(acc, acc, e, e + N);
    } else {
      fe ny, zero = {0};
      fsub(ny, zero, e + N);
      jadd_affine(acc, acc, e, ny);
    }
  }
}

/*
 * Whether the x coordinate of s·G + t·P is one of the candidates. io: s, t (scalars, 8 limbs each,
 * < n), then the candidates c1, c2 (Montgomery form), then the number of candidates (1 or 2).
 * The point at infinity matches none.
 */
int sm2_check(const u32 *tableG, int wG, int windowsG, const u32 *tableP, int wP, int windowsP, const u32 *io) {
  jpoint acc;
  for (int i = 0; i < N; i++) acc.z[i] = 0;
  add_multiple(&acc, tableG, wG, windowsG, io);
  add_multiple(&acc, tableP, wP, windowsP, io + N);
  if (fiszero(acc.z)) return 0;
  fe z2, x;
  fsqr(z2, acc.z);
  fmul(x, io + 2 * N, z2);
  if (feq(x, acc.x)) return 1;
  if (io[4 * N] < 2) return 0;
  fmul(x, io + 3 * N, z2);
  return feq(x, acc.x);
}

/* r = a·b·2^-256 mod p: the field product alone, for the tests at its edges. */
void sm2_field_mul(u32 *r, const u32 *a, const u32 *b) { fmul(r, a, b); }
