/**
 * Indonesian naming knowledge used by the name normaliser. Variant groups, titles, death markers
 * and patronymic connectors come from shared/data/names/name_variants.json (compiled for this
 * project, free to use); the first spelling of each group is its canonical form.
 */
export const VARIANT_GROUPS: readonly (readonly string[])[] = [
  [
    'MUHAMMAD',
    'MUHAMAD',
    'MOHAMMAD',
    'MOHAMAD',
    'MOCHAMMAD',
    'MOCHAMAD',
    'MOKHAMMAD',
    'MUCHAMMAD',
    'MUKHAMAD',
    'MUHAMMAT',
    'MOCH',
    'MOH',
    'MUH',
    'MHD',
    'MOHD',
    'M',
  ],
  ['AHMAD', 'ACHMAD', 'AKHMAD', 'AHMAT', 'ACHMAT'],
  ['ABDUL', 'ABD', 'ABDOEL'],
  ['NUR', 'NOOR', 'NOER', 'NURUL'],
  ['SITI', 'SITTI', 'ST'],
  ['RAHMAT', 'RACHMAT', 'RAKHMAT', 'ROHMAT', 'ROCHMAT'],
  ['RAHMAN', 'RACHMAN', 'RAKHMAN', 'ROHMAN', 'ROCHMAN'],
  ['RAHAYU', 'RAHAJU'],
  ['FATIMAH', 'FATMAH', 'PATIMAH', 'FATIMATUZ'],
  ['YUSUF', 'JUSUF', 'YOSEF', 'YOSEP', 'YUSUP'],
  ['ZAINAL', 'JAINAL', 'ZAENAL'],
  ['ZAINAB', 'ZAENAB', 'JAENAB'],
  ['KHOIRUL', 'CHOIRUL', 'CHAIRUL', 'KHAIRUL'],
  ['SANTOSO', 'SANTOSA'],
  ['SUYONO', 'SOEJONO', 'SUJONO'],
  ['SUKARNO', 'SOEKARNO'],
  ['SUHARTO', 'SOEHARTO'],
  ['SLAMET', 'SELAMET'],
  ['HARIYANTO', 'HARYANTO', 'HARIANTO'],
  ['FITRI', 'FITRIYAH', 'FITRIAH', 'PITRI'],
  ['JOKO', 'DJOKO'],
  ['CAHYO', 'TJAHJO', 'CAHYA'],
  ['NYOMAN', 'NJOMAN'],
  ['SYAHRIR', 'SJAHRIR'],
  ['UMAR', 'OEMAR'],
];

/** Titles and forms of address written before a name (compared without dots). */
export const PREFIX_TITLES: ReadonlySet<string> = new Set([
  'H',
  'HJ',
  'HAJI',
  'HAJJAH',
  'DRS',
  'DRA',
  'IR',
  'DR',
  'NY',
  'NYONYA',
  'TN',
  'BPK',
  'BAPAK',
  'IBU',
  'BU',
  'PAK',
  'MBAH',
]);

/** Academic degrees written after a name, usually after a comma (compared without dots). */
export const DEGREE_SUFFIXES: ReadonlySet<string> = new Set([
  'SPD',
  'SPDI',
  'SE',
  'SH',
  'SSOS',
  'SAG',
  'SKOM',
  'AMD',
  'MPD',
  'MM',
  'ST',
  'SIP',
  'SKM',
  'SKEP',
  'MSI',
  'DRS',
  'DRA',
  'IR',
]);

/** Markers that the person has died; stripped from the name and kept as a death hint. */
export const DEATH_MARKERS: ReadonlySet<string> = new Set(['ALM', 'ALMH', 'ALMARHUM', 'ALMARHUMAH']);

/** "bin"/"binti" and their abbreviations introduce the father's name. */
export const PATRONYMIC_CONNECTORS: ReadonlySet<string> = new Set(['BIN', 'BINTI', 'BT', 'BTE']);
