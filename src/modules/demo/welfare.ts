/**
 * Household welfare: the desil and the housing, asset and livestock variables that the
 * proxy-means test behind it reads. Each variable's distribution slides from what poor rural
 * households in East Java report (desil 1) to what the well-off report (desil 10), so the data
 * shows the correlations an analyst expects (earth floors and firewood at the bottom, ceramic
 * floors, cars and land at the top).
 */
import { VOCABULARY } from '../registry/vocabulary.ts';
import { type Random, WeightedTable } from './random.ts';
import type { Housing } from './types.ts';

/**
 * Share of the district's households in each national desil, 1 to 10. A poor-ish rural
 * kabupaten holds more of the national bottom half than of the top half.
 */
export const DESIL_SHARES = [0.14, 0.13, 0.12, 0.11, 0.1, 0.09, 0.09, 0.08, 0.07, 0.07] as const;

/** Spread of the desa poverty-pocket effect; the household's own variation has spread 1. */
export const DESA_EFFECT_SPREAD = 0.45;

/** Welfare score cut points between desil k and k+1 for a score ~ N(0, 1 + DESA_EFFECT_SPREAD²). */
const DESIL_CUTS = (() => {
  const spread = Math.sqrt(1 + DESA_EFFECT_SPREAD ** 2);
  const cuts: number[] = [];
  let cumulative = 0;
  for (const share of DESIL_SHARES.slice(0, -1)) {
    cumulative += share;
    cuts.push(spread * normalQuantile(cumulative));
  }
  return cuts;
})();

export function desilOfScore(score: number): number {
  let desil = 1;
  for (const cut of DESIL_CUTS) if (score > cut) desil++;
  return desil;
}

type Table = Record<string, readonly [poor: number, rich: number]>;

/** Weights at desil 1 and desil 10 for every housing variable's codes (vocabulary.ts). */
const HOUSING: Record<keyof Housing, Table> = {
  jenis_lantai: {
    tanah: [30, 0],
    bambu: [2, 0],
    kayu_kualitas_rendah: [3, 0],
    semen: [45, 8],
    keramik: [19, 85],
    marmer_granit: [0, 6],
    lainnya: [1, 1],
  },
  jenis_dinding: {
    bambu: [14, 0],
    kayu: [8, 0],
    anyaman: [5, 0],
    plesteran_anyaman: [5, 0],
    tembok_tanpa_plester: [30, 3],
    tembok: [37, 97],
    lainnya: [1, 0],
  },
  jenis_atap: {
    jerami_ijuk: [1, 0],
    bambu: [1, 0],
    seng: [8, 2],
    asbes: [5, 5],
    genteng: [85, 85],
    beton: [0, 8],
  },
  sumber_air_minum: {
    air_kemasan: [2, 45],
    ledeng: [7, 15],
    sumur_bor: [20, 30],
    sumur_terlindung: [45, 10],
    sumur_tak_terlindung: [15, 0],
    mata_air: [8, 0],
    sungai: [2, 0],
    air_hujan: [1, 0],
  },
  fasilitas_bab: { sendiri: [70, 99], bersama: [15, 1], umum: [5, 0], tidak_ada: [10, 0] },
  sumber_penerangan: {
    pln_meteran: [75, 100],
    pln_tanpa_meteran: [22, 0],
    non_pln: [2, 0],
    bukan_listrik: [1, 0],
  },
  bahan_bakar_memasak: {
    listrik: [0, 6],
    gas_elpiji: [53, 93],
    minyak_tanah: [1, 0],
    kayu_bakar: [45, 1],
    arang: [1, 0],
  },
  status_kepemilikan_rumah: {
    milik_sendiri: [80, 88],
    kontrak_sewa: [4, 8],
    bebas_sewa: [15, 2],
    dinas: [0, 2],
    lainnya: [1, 0],
  },
};

/** Probability of owning each asset at desil 1 and desil 10. */
const ASSETS: Record<(typeof VOCABULARY.aset)[number], readonly [number, number]> = {
  tabung_gas: [0.5, 0.97],
  kulkas: [0.15, 0.95],
  ac: [0, 0.35],
  pemanas_air: [0, 0.3],
  telepon_rumah: [0, 0.08],
  televisi: [0.6, 0.98],
  emas_perhiasan: [0.05, 0.6],
  komputer: [0.01, 0.6],
  sepeda: [0.35, 0.4],
  sepeda_motor: [0.45, 0.98],
  mobil: [0, 0.5],
  perahu: [0.002, 0.005],
  lahan: [0.15, 0.6],
  rumah_lain: [0, 0.25],
};
const ASSET_NAMES = VOCABULARY.aset;

/** Livestock kinds: probability at desil 1 and 10, and the range of head counts. */
const LIVESTOCK: ReadonlyArray<
  readonly [kind: string, poor: number, rich: number, min: number, max: number]
> = [
  ['sapi', 0.04, 0.2, 1, 4],
  ['kerbau', 0.005, 0.01, 1, 2],
  ['kambing_domba', 0.12, 0.12, 1, 6],
  ['unggas', 0.45, 0.25, 3, 25],
];

const HOUSING_TABLES: Array<Record<keyof Housing, WeightedTable<string>>> = Array.from(
  { length: 10 },
  (_, i) => {
    const t = i / 9;
    const tables = {} as Record<keyof Housing, WeightedTable<string>>;
    for (const [field, codes] of Object.entries(HOUSING) as Array<[keyof Housing, Table]>) {
      tables[field] = new WeightedTable(
        Object.entries(codes).map(([code, [poor, rich]]) => [code, poor + (rich - poor) * t] as const),
      );
    }
    return tables;
  },
);

function interpolate([poor, rich]: readonly [number, number], desil: number): number {
  return poor + ((rich - poor) * (desil - 1)) / 9;
}

export function drawHousing(random: Random, desil: number): Housing {
  const tables = HOUSING_TABLES[desil - 1];
  if (!tables) throw new Error(`desil out of range: ${desil}`);
  return {
    jenis_lantai: tables.jenis_lantai.draw(random),
    jenis_dinding: tables.jenis_dinding.draw(random),
    jenis_atap: tables.jenis_atap.draw(random),
    sumber_air_minum: tables.sumber_air_minum.draw(random),
    fasilitas_bab: tables.fasilitas_bab.draw(random),
    sumber_penerangan: tables.sumber_penerangan.draw(random),
    bahan_bakar_memasak: tables.bahan_bakar_memasak.draw(random),
    status_kepemilikan_rumah: tables.status_kepemilikan_rumah.draw(random),
  };
}

export function drawAssetDraws(random: Random): number[] {
  const draws: number[] = [];
  for (let i = 0; i < ASSET_NAMES.length; i++) draws.push(random.next());
  return draws;
}

/**
 * The `aset` column. Ownership is decided by fixed per-household draws against a probability that
 * rises with the desil, so a household whose desil rises gains assets and never loses one.
 */
export function assetList(desil: number, draws: readonly number[], housing: Housing): string {
  const owned: string[] = [];
  ASSET_NAMES.forEach((asset, i) => {
    // A household that cooks with LPG owns the cylinder.
    const forced = asset === 'tabung_gas' && housing.bahan_bakar_memasak === 'gas_elpiji';
    if (forced || (draws[i] as number) < interpolate(ASSETS[asset], desil)) owned.push(asset);
  });
  return owned.join(';');
}

export function drawLivestock(random: Random, desil: number): string {
  const parts: string[] = [];
  for (const [kind, poor, rich, min, max] of LIVESTOCK) {
    if (random.chance(interpolate([poor, rich], desil))) parts.push(`${kind}:${random.int(min, max)}`);
  }
  return parts.join(';');
}

/** Inverse of the standard normal distribution function, by bisection on an erf approximation. */
function normalQuantile(p: number): number {
  let low = -8;
  let high = 8;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (normalCdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

function normalCdf(x: number): number {
  // Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7, ample for cut points.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
