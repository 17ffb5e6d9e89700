import { describe, expect, it } from 'vitest';
import { placeTiles } from './region-tiles.js';

describe('region tiles', () => {
  it("places Guizhou's prefectures where they lie, with English names", () => {
    const tiles = placeTiles([
      { code: '5201', name: '贵阳市' },
      { code: '5205', name: '毕节市' },
      { code: '5226', name: '黔东南苗族侗族自治州' },
    ]);
    expect(tiles).toEqual([
      { code: '5201', name: '贵阳市', nameEn: 'Guiyang', short: '贵阳', shortEn: 'Guiyang', x: 2, y: 1 },
      { code: '5205', name: '毕节市', nameEn: 'Bijie', short: '毕节', shortEn: 'Bijie', x: 1, y: 0 },
      {
        code: '5226',
        name: '黔东南苗族侗族自治州',
        nameEn: 'Qiandongnan Miao and Dong Autonomous Prefecture',
        short: '黔东南',
        shortEn: 'Qiandongnan',
        x: 3,
        y: 1,
      },
    ]);
  });

  it('lays out other divisions in code order on a near-square grid', () => {
    const tiles = placeTiles(
      ['南明区', '云岩区', '花溪区', '开阳县', '修文县'].map((name, i) => ({ code: `52010${i}`, name })),
    );
    expect(tiles.map((t) => [t.x, t.y])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(tiles[0]!.nameEn).toBe('Nanming District');
    expect(tiles[3]!.nameEn).toBe('Kaiyang County');
    expect([tiles[0]!.short, tiles[0]!.shortEn]).toEqual(['南明', 'Nanming']);
  });
});
