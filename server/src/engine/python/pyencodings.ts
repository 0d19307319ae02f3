// Python's codec registry, reduced to what a source-encoding cookie can name. Python accepts any text
// codec it knows (by name or alias) in `# -*- coding: x -*-`; an unknown name makes the import fail.
// The table below lists every text codec of CPython 3.11 as `canonical=alias,alias...` (generated from
// `encodings.aliases` and `codecs.lookup`), so that "unknown encoding" is only reported when Python
// would report it too.

const PY_CODECS =
  'ascii=646,ansi_x3.4_1968,ansi_x3.4_1986,ansi_x3_4_1968,ascii,cp367,csascii,ibm367,iso646_us,iso_646.irv_1991,iso_ir_6,us,us_ascii|' +
  'big5=big5,big5_tw,csbig5,x_mac_trad_chinese|big5hkscs=big5_hkscs,big5hkscs,hkscs|charmap=charmap|' +
  'cp037=037,cp037,csibm037,ebcdic_cp_ca,ebcdic_cp_nl,ebcdic_cp_us,ebcdic_cp_wt,ibm037,ibm039|' +
  'cp1006=cp1006|cp1026=1026,cp1026,csibm1026,ibm1026|cp1125=1125,cp1125,cp866u,ibm1125,ruscii|' +
  'cp1140=1140,cp1140,ibm1140|cp1250=1250,cp1250,windows_1250|cp1251=1251,cp1251,windows_1251|' +
  'cp1252=1252,cp1252,windows_1252|cp1253=1253,cp1253,windows_1253|cp1254=1254,cp1254,windows_1254|' +
  'cp1255=1255,cp1255,windows_1255|cp1256=1256,cp1256,windows_1256|cp1257=1257,cp1257,windows_1257|' +
  'cp1258=1258,cp1258,windows_1258|cp273=273,cp273,csibm273,ibm273|' +
  'cp424=424,cp424,csibm424,ebcdic_cp_he,ibm424|cp437=437,cp437,cspc8codepage437,ibm437|' +
  'cp500=500,cp500,csibm500,ebcdic_cp_be,ebcdic_cp_ch,ibm500|cp720=cp720|cp737=cp737|' +
  'cp775=775,cp775,cspc775baltic,ibm775|cp850=850,cp850,cspc850multilingual,ibm850|' +
  'cp852=852,cp852,cspcp852,ibm852|cp855=855,cp855,csibm855,ibm855|cp856=cp856|' +
  'cp857=857,cp857,csibm857,ibm857|cp858=858,cp858,csibm858,ibm858|cp860=860,cp860,csibm860,ibm860|' +
  'cp861=861,cp861,cp_is,csibm861,ibm861|cp862=862,cp862,cspc862latinhebrew,ibm862|' +
  'cp863=863,cp863,csibm863,ibm863|cp864=864,cp864,csibm864,ibm864|cp865=865,cp865,csibm865,ibm865|' +
  'cp866=866,cp866,csibm866,ibm866|cp869=869,cp869,cp_gr,csibm869,ibm869|cp874=cp874|cp875=cp875|' +
  'cp932=932,cp932,ms932,ms_kanji,mskanji|cp949=949,cp949,ms949,uhc|cp950=950,cp950,ms950|' +
  'euc_jis_2004=euc_jis2004,euc_jis_2004,eucjis2004,jisx0213|euc_jisx0213=euc_jisx0213,eucjisx0213|' +
  'euc_jp=euc_jp,eucjp,u_jis,ujis|' +
  'euc_kr=euc_kr,euckr,korean,ks_c_5601,ks_c_5601_1987,ks_x_1001,ksc5601,ksx1001,x_mac_korean|' +
  'gb18030=gb18030,gb18030_2000|' +
  'gb2312=chinese,csiso58gb231280,euc_cn,euccn,eucgb2312_cn,gb2312,gb2312_1980,gb2312_80,iso_ir_58,x_mac_simp_chinese|' +
  'gbk=936,cp936,gbk,ms936|hp-roman8=cp1051,hp_roman8,ibm1051,r8,roman8|hz=hz,hz_gb,hz_gb_2312,hzgb|' +
  'idna=idna|iso2022_jp=csiso2022jp,iso2022_jp,iso2022jp,iso_2022_jp|' +
  'iso2022_jp_1=iso2022_jp_1,iso2022jp_1,iso_2022_jp_1|iso2022_jp_2=iso2022_jp_2,iso2022jp_2,iso_2022_jp_2|' +
  'iso2022_jp_2004=iso2022_jp_2004,iso2022jp_2004,iso_2022_jp_2004|' +
  'iso2022_jp_3=iso2022_jp_3,iso2022jp_3,iso_2022_jp_3|' +
  'iso2022_jp_ext=iso2022_jp_ext,iso2022jp_ext,iso_2022_jp_ext|' +
  'iso2022_kr=csiso2022kr,iso2022_kr,iso2022kr,iso_2022_kr|' +
  'iso8859-1=8859,cp819,csisolatin1,ibm819,iso8859,iso8859_1,iso_8859_1,iso_8859_1_1987,iso_ir_100,l1,latin,latin1,latin_1|' +
  'iso8859-10=csisolatin6,iso8859_10,iso_8859_10,iso_8859_10_1992,iso_ir_157,l6,latin6|' +
  'iso8859-11=iso8859_11,iso_8859_11,iso_8859_11_2001,thai|iso8859-13=iso8859_13,iso_8859_13,l7,latin7|' +
  'iso8859-14=iso8859_14,iso_8859_14,iso_8859_14_1998,iso_celtic,iso_ir_199,l8,latin8|' +
  'iso8859-15=iso8859_15,iso_8859_15,l9,latin9|' +
  'iso8859-16=iso8859_16,iso_8859_16,iso_8859_16_2001,iso_ir_226,l10,latin10|' +
  'iso8859-2=csisolatin2,iso8859_2,iso_8859_2,iso_8859_2_1987,iso_ir_101,l2,latin2|' +
  'iso8859-3=csisolatin3,iso8859_3,iso_8859_3,iso_8859_3_1988,iso_ir_109,l3,latin3|' +
  'iso8859-4=csisolatin4,iso8859_4,iso_8859_4,iso_8859_4_1988,iso_ir_110,l4,latin4|' +
  'iso8859-5=csisolatincyrillic,cyrillic,iso8859_5,iso_8859_5,iso_8859_5_1988,iso_ir_144|' +
  'iso8859-6=arabic,asmo_708,csisolatinarabic,ecma_114,iso8859_6,iso_8859_6,iso_8859_6_1987,iso_ir_127|' +
  'iso8859-7=csisolatingreek,ecma_118,elot_928,greek,greek8,iso8859_7,iso_8859_7,iso_8859_7_1987,iso_ir_126|' +
  'iso8859-8=csisolatinhebrew,hebrew,iso8859_8,iso_8859_8,iso_8859_8_1988,iso_ir_138|' +
  'iso8859-9=csisolatin5,iso8859_9,iso_8859_9,iso_8859_9_1989,iso_ir_148,l5,latin5|' +
  'johab=cp1361,johab,ms1361|koi8-r=cskoi8r,koi8_r|koi8-t=koi8_t|koi8-u=koi8_u|' +
  'kz1048=kz1048,kz_1048,rk1048,strk1048_2002|mac-arabic=mac_arabic|mac-croatian=mac_croatian|' +
  'mac-cyrillic=mac_cyrillic,maccyrillic|mac-farsi=mac_farsi|mac-greek=mac_greek,macgreek|' +
  'mac-iceland=mac_iceland,maciceland|mac-latin2=mac_centeuro,mac_latin2,maccentraleurope,maclatin2|' +
  'mac-roman=mac_roman,macintosh,macroman|mac-romanian=mac_romanian|mac-turkish=mac_turkish,macturkish|' +
  'palmos=palmos|ptcp154=cp154,csptcp154,cyrillic_asian,pt154,ptcp154|punycode=punycode|' +
  'raw-unicode-escape=raw_unicode_escape|shift_jis=csshiftjis,s_jis,shift_jis,shiftjis,sjis,x_mac_japanese|' +
  'shift_jis_2004=s_jis_2004,shift_jis_2004,shiftjis2004,sjis_2004|' +
  'shift_jisx0213=s_jisx0213,shift_jisx0213,shiftjisx0213,sjisx0213|' +
  'tis-620=iso_ir_166,tis620,tis_620,tis_620_0,tis_620_2529_0,tis_620_2529_1|undefined=undefined|' +
  'unicode-escape=unicode_escape|utf-16=u16,utf16,utf_16|utf-16-be=unicodebigunmarked,utf_16_be,utf_16be|' +
  'utf-16-le=unicodelittleunmarked,utf_16_le,utf_16le|utf-32=u32,utf32,utf_32|utf-32-be=utf_32_be,utf_32be|' +
  'utf-32-le=utf_32_le,utf_32le|utf-7=u7,unicode_1_1_utf_7,utf7,utf_7|' +
  'utf-8=cp65001,u8,utf,utf8,utf8_ucs2,utf8_ucs4,utf_8|utf-8-sig=utf_8_sig';

let aliasToCodec: Map<string, string> | null = null;

function aliasTable(): Map<string, string> {
  if (aliasToCodec) return aliasToCodec;
  aliasToCodec = new Map();
  for (const entry of PY_CODECS.split('|')) {
    const eq = entry.indexOf('=');
    const codec = entry.slice(0, eq);
    for (const alias of entry.slice(eq + 1).split(',')) aliasToCodec.set(alias, codec);
  }
  return aliasToCodec;
}

/** `encodings.normalize_encoding` after `codecs.lookup`'s lowercasing: runs of punctuation become `_`. */
export function normalizeCodecName(name: string): string {
  let out = '';
  let punct = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum || c === 46) {
      if (punct && out.length > 0) out += '_';
      out += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

/** Python's canonical codec name for a cookie's encoding name, or null when Python does not know it. */
export function lookupPythonCodec(name: string): string | null {
  const norm = normalizeCodecName(name);
  const table = aliasTable();
  return table.get(norm) ?? table.get(norm.replace(/\./g, '_')) ?? null;
}

/**
 * How to decode bytes for a Python codec: our own code for the codecs where the WHATWG decoders differ
 * from Python (latin-1, ascii), a TextDecoder label where WHATWG and Python agree, `c1-undefined` for
 * the Windows code pages (WHATWG maps Python's undefined bytes to C1 controls), 'refused' where Python
 * itself cannot read source in that codec, and null where we cannot decode it faithfully.
 */
export type CodecPlan =
  | { kind: 'utf-8' }
  | { kind: 'latin-1' }
  | { kind: 'ascii' }
  | { kind: 'cp1252' }
  | { kind: 'whatwg'; label: string; c1Undefined: boolean }
  | { kind: 'refused' }
  | { kind: 'unsupported' };

const WHATWG: Record<string, string> = {
  'iso8859-2': 'iso-8859-2', 'iso8859-3': 'iso-8859-3', 'iso8859-4': 'iso-8859-4',
  'iso8859-5': 'iso-8859-5', 'iso8859-6': 'iso-8859-6', 'iso8859-7': 'iso-8859-7',
  'iso8859-8': 'iso-8859-8', 'iso8859-10': 'iso-8859-10', 'iso8859-13': 'iso-8859-13',
  'iso8859-14': 'iso-8859-14', 'iso8859-15': 'iso-8859-15', 'koi8-r': 'koi8-r', cp866: 'ibm866',
  'mac-cyrillic': 'x-mac-cyrillic', shift_jis: 'shift_jis', cp932: 'shift_jis', euc_jp: 'euc-jp',
  iso2022_jp: 'iso-2022-jp', euc_kr: 'euc-kr', cp949: 'euc-kr', gbk: 'gbk', gb2312: 'gbk',
  gb18030: 'gb18030', big5: 'big5',
};

export function codecPlan(codec: string): CodecPlan {
  if (codec === 'utf-8' || codec === 'utf-8-sig') return { kind: 'utf-8' };
  if (codec === 'iso8859-1') return { kind: 'latin-1' };
  if (codec === 'ascii') return { kind: 'ascii' };
  // Node's TextDecoder decodes windows-1252 as latin-1 (0x80 stays U+0080), so cp1252 is ours too.
  if (codec === 'cp1252') return { kind: 'cp1252' };
  if (/^cp125[0-8]$/.test(codec)) return { kind: 'whatwg', label: 'windows-' + codec.slice(2), c1Undefined: true };
  if (codec === 'cp874') return { kind: 'whatwg', label: 'windows-874', c1Undefined: true };
  const label = WHATWG[codec];
  if (label) return { kind: 'whatwg', label, c1Undefined: false };
  // Python reads source line by line as ASCII-compatible bytes: these codecs cannot work (verified:
  // a utf-16 cookie fails with "'utf-16-le' codec can't decode byte 0x0a ... truncated data").
  if (/^utf-(16|32)/.test(codec)) return { kind: 'refused' };
  return { kind: 'unsupported' };
}

/** CPython's tokenizer shortcut (`get_normal_name`): only these spellings count as utf-8 next to a BOM. */
export function tokenizerNormalName(name: string): string {
  const buf = name.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (buf === 'utf-8' || buf.startsWith('utf-8-')) return 'utf-8';
  if (
    buf === 'latin-1' || buf === 'iso-8859-1' || buf === 'iso-latin-1' ||
    buf.startsWith('latin-1-') || buf.startsWith('iso-8859-1-') || buf.startsWith('iso-latin-1-')
  ) return 'iso-8859-1';
  return name;
}

/** cp1252 bytes 0x80-0x9f as Python decodes them (0 = undefined in Python: a decode error). */
export const CP1252_HIGH = [8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0, 0, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 0, 382, 376];
