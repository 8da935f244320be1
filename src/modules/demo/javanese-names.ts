/**
 * Curated name knowledge for a Javanese district, added to the public name lists (name-lists/ and
 * faker's id_ID locale). Lists are in rough order of frequency: the first names are the commonest.
 */

/** Single-word names of rural Javanese men born before about 1975 (many have no other name). */
export const TRADITIONAL_MALE = words(`
  Slamet Sukirman Paiman Suparno Sutrisno Tukiman Wagiman Katimin Kasiman Parmin Suyanto Mujiono
  Sumarno Kasno Sarno Jumadi Ngadiman Ngatiman Sadimin Sarimin Paidi Kardi Misdi Sukadi Sumadi Suwarno
  Sudarmo Sumardi Mulyadi Sarijo Suratman Sukiman Warsito Darmo Kadiman Tarno Suroto Dalimin Sugeng
  Karmin Tumijo Suyadi Samiran Suwito Wakijo Kasdi Tugimin Ponijan Tukijo Sutarno Marsudi Ngadino
  Yatmo Sumarto Katiran Sunardi Sugiyono Kasimin Tulus Parno Suwardi Sakiman Samijo Legiman Kliwon
  Wage Marto Kromo Karto Saimin Sarmo Painto Ngatijo Kasmin Rusmin Harjo Tamsir Darji Sukamto Mardi
  Sutikno Bejo Panut Rebo Senen Jemingan
`);

/** Single-word names of rural Javanese women born before about 1975. */
export const TRADITIONAL_FEMALE = words(`
  Painem Tukiyem Suparmi Sulastri Poniyem Sainem Tumini Katini Sutinah Sumiati Jumiati Sarmi Paini
  Wagini Sukinah Tuminah Giyem Ngatini Ngadinem Marsini Samini Suyati Karsini Lasmi Warsini Parmi
  Tukinem Mujiati Rukmini Sumarni Kartini Suwarni Sumini Kasiyem Ngatiyem Sriyati Tarmi Suminah Kasmi
  Waginem Sarinah Marni Jumini Lasiyem Tumirah Sutini Katiyem Suratmi Sumirah Parinem Tentrem Sukarti
  Wartini Darmi Kamisah Lamiyem Paijem Miyem Partini Sriyatun Suyatmi Suwarti Ngadiyem Kemi Misni
  Sarni Tuminem Tarsih Sunarsih Winarsih Siyem Jariyah Sumarsih Prapti Wartinah Supini Marsiyah
  Musrini Sukesi Endang Sumi Tumi
`);

/** First words of two-word names of Javanese born about 1955-1990 (Bambang Sutrisno, Sri Wahyuni). */
export const CLASSIC_MALE = words(`
  Bambang Agus Budi Joko Eko Heru Hadi Sigit Slamet Bagus Wahyu Hari Edi Yudi Dedi Hendro Gatot Teguh
  Iwan Didik Sugeng Priyo Totok Anton Rudi Hendra Arif Imam Purnomo Supriyadi Bejo Suroso Sarwo Basuki
  Waluyo Warsito Sunarto Widodo Hartono Haryono Mulyono Wibowo Riyanto Subagyo Tri Dwi Agung Puji
  Bowo Yanto Susilo Kusno Gunawan Santoso Andi Dodik Nanang Lilik Anang Gito Wawan Bayu Ari Darto
  Sarjono Sumitro Suyono Purwanto Sutomo Sumarno Warto Daryono Karnadi Kartono Marno Parno Rusdi
  Suharto Sutrisno Junaedi Hendro Tono Dani Heri Doni Yudi Anwar Rachmat Taufik Denny Andri Dede
`);
export const CLASSIC_FEMALE = words(`
  Sri Siti Endang Tri Dwi Yuni Sulastri Rukmini Rahayu Suryani Kartini Tutik Mulyani Susanti Hastuti
  Astuti Rini Sari Lilik Nanik Ninik Yayuk Titik Umi Ida Ani Eni Wiwik Heni Erna Tatik Sumiati
  Suprapti Endah Ratna Dewi Nurul Anik Indah Sunarsih Winarti Murni Yanti Nurhayati Ningsih Puji
  Retno Sumarni Enik Yuli Dyah Wahyuni Wulan Lestari Harini Supriyati Setyowati Listyowati Kasih
  Wati Rohani Marni Rosidah Rohmah Nani Iin Nurlela Lilis Yulita Tutik Komalasari Diah Yanti Lina
`);

/** Arabic-origin first words that open many Muslim Javanese names of people born after 1980, with weights. */
export const ISLAMIC_MALE_OPENERS: ReadonlyArray<readonly [string, number]> = [
  ['Muhammad', 50],
  ['Ahmad', 20],
  ['Abdul', 10],
  ['Nur', 8],
  ['Rahmat', 6],
  ['Khoirul', 6],
];
export const ISLAMIC_FEMALE_OPENERS: ReadonlyArray<readonly [string, number]> = [
  ['Siti', 40],
  ['Nur', 25],
  ['Nurul', 20],
  ['Fatimah', 8],
  ['Zainab', 7],
];

/** First words counting the child's birth order (Eka first, Dwi second, Tri third, Catur fourth). */
export const BIRTH_ORDER_OPENERS = ['Eka', 'Dwi', 'Tri', 'Catur'];

/**
 * Names in the public lists that are not Javanese (Batak, Minang, Moluccan, Bugis and western
 * names) or odd as personal names; a Madiun village rarely has them, so they are left out.
 */
export const NOT_JAVANESE = new Set(
  words(`
  Aruan Chaniago Daeng Dalimunthe Damanik Ginting Girsang Harahap Hasibuan Hutabarat Hutagalung
  Hutapea Hutasoit Latuharhary Latupono Leiwakabessy Lestaluhu Limbong Lubis Lumbanbatu Lumbantobing
  Manalu Manik Manuhutu Manuputy Manurung Matondang Munte Nainggolan Napitupulu Nasution Pangaribuan
  Panjaitan Pasaribu Pattinama Pohan Pulungan Purba Rajagukguk Saragih Sembiring Sibarani Sidabutar
  Sihombing Sihotang Sijabat Silaen Silalahi Silitonga Simamora Simanjuntak Simatupang Simbiring
  Sinaga Sinambela Sitanggang Sitompul Sitorus Situmeang Situmorang Tambunan Tampubolon Tanjung Tobing
  Marbun Marpaung Mangunsong Manullang Nababan Samosir Sirait Siregar Tamba Tarihoran Agnes Anastasia
  Betania Carla Chelsea Ciaobella Clara Cornelia Gabriella Jane Janet Jessica Karen Kezia Michelle
  Natalia Olivia Oliva Ophelia Paris Patricia Paulin Queen Rachel Sakura Sherly Victoria Violet Yance
  Zelaya Edison Edward Elon Luis Oskar Simon Viktor Xanana Vinsen Embuh Cemplunk Cagak Cawuk Galak
  Dagel Jail Empluk Opung Capa Ozy Kenzie Samuel Kevin Claudia Monica Clarissa
`),
);

/** Street names for kelurahan addresses (desa addresses name the dusun instead). */
export const STREETS = words(
  `
  Diponegoro|Sudirman|Ahmad Yani|Gajah Mada|Hayam Wuruk|Pahlawan|Merdeka|Kartini|Imam Bonjol|
  Panglima Sudirman|Ronggowarsito|Raya Caruban|Mastrip|Basuki Rahmat|Dr. Soetomo|Veteran|Kenanga|
  Melati|Mawar|Anggrek
`,
  '|',
);

/** Splits a block of names written several to a line. */
function words(block: string, separator: string | RegExp = /\s+/): string[] {
  return block
    .split(separator)
    .map((word) => word.trim())
    .filter(Boolean);
}
