// Expected strings below were captured from kubectl.1.32 (v1.32.5): `get -o json|yaml|name|jsonpath…` against a stub
// API server serving these objects, and `label --local` / `patch --local` on files for arbitrary kinds.
import { describe, expect, it } from 'vitest';

import { KtError } from '../../src/errors.js';
import { printJSON } from '../../src/print/json.js';
import { printName } from '../../src/print/name.js';
import { type OutputFormat, parseOutputFormat, printObject } from '../../src/print/output.js';
import { printYAML } from '../../src/print/yaml.js';

// [key, string, what kubectl prints under `data:`] — one scalar per row, from one `get pod -o yaml` of them all.
const SCALARS: [string, string, string][] = [
  ["s000", "", "  s000: \"\"\n"],
  ["s001", " ", "  s001: ' '\n"],
  ["s002", "a ", "  s002: 'a '\n"],
  ["s003", " a", "  s003: ' a'\n"],
  ["s004", "1", "  s004: \"1\"\n"],
  ["s005", "1.5", "  s005: \"1.5\"\n"],
  ["s006", "-1", "  s006: \"-1\"\n"],
  ["s007", "+1", "  s007: \"+1\"\n"],
  ["s008", "0x1F", "  s008: \"0x1F\"\n"],
  ["s009", "0o17", "  s009: \"0o17\"\n"],
  ["s010", "017", "  s010: \"017\"\n"],
  ["s011", "1e3", "  s011: \"1e3\"\n"],
  ["s012", "1_000", "  s012: \"1_000\"\n"],
  ["s013", ".5", "  s013: \".5\"\n"],
  ["s014", "5.", "  s014: \"5.\"\n"],
  ["s015", ".inf", "  s015: \".inf\"\n"],
  ["s016", "-.inf", "  s016: \"-.inf\"\n"],
  ["s017", ".nan", "  s017: \".nan\"\n"],
  ["s018", "NaN", "  s018: NaN\n"],
  ["s019", "inf", "  s019: inf\n"],
  ["s020", "true", "  s020: \"true\"\n"],
  ["s021", "True", "  s021: \"True\"\n"],
  ["s022", "TRUE", "  s022: \"TRUE\"\n"],
  ["s023", "tRue", "  s023: tRue\n"],
  ["s024", "yes", "  s024: \"yes\"\n"],
  ["s025", "Yes", "  s025: \"Yes\"\n"],
  ["s026", "no", "  s026: \"no\"\n"],
  ["s027", "on", "  s027: \"on\"\n"],
  ["s028", "off", "  s028: \"off\"\n"],
  ["s029", "y", "  s029: \"y\"\n"],
  ["s030", "n", "  s030: \"n\"\n"],
  ["s031", "Y", "  s031: \"Y\"\n"],
  ["s032", "N", "  s032: \"N\"\n"],
  ["s033", "null", "  s033: \"null\"\n"],
  ["s034", "Null", "  s034: \"Null\"\n"],
  ["s035", "~", "  s035: \"~\"\n"],
  ["s036", "-", "  s036: '-'\n"],
  ["s037", "--", "  s037: --\n"],
  ["s038", "---", "  s038: '---'\n"],
  ["s039", "---a", "  s039: '---a'\n"],
  ["s040", "...", "  s040: '...'\n"],
  ["s041", "a: b", "  s041: 'a: b'\n"],
  ["s042", "a:b", "  s042: a:b\n"],
  ["s043", "a :b", "  s043: a :b\n"],
  ["s044", ":a", "  s044: :a\n"],
  ["s045", "a:", "  s045: 'a:'\n"],
  ["s046", "? a", "  s046: '? a'\n"],
  ["s047", "?a", "  s047: ?a\n"],
  ["s048", "-a", "  s048: -a\n"],
  ["s049", "- a", "  s049: '- a'\n"],
  ["s050", "#a", "  s050: '#a'\n"],
  ["s051", "a #b", "  s051: 'a #b'\n"],
  ["s052", "a#b", "  s052: a#b\n"],
  ["s053", "&a", "  s053: '&a'\n"],
  ["s054", "*a", "  s054: '*a'\n"],
  ["s055", "!a", "  s055: '!a'\n"],
  ["s056", "|a", "  s056: '|a'\n"],
  ["s057", "@a", "  s057: '@a'\n"],
  ["s058", "`a", "  s058: '`a'\n"],
  ["s059", "%a", "  s059: '%a'\n"],
  ["s060", "'a", "  s060: '''a'\n"],
  ["s061", "\"a", "  s061: '\"a'\n"],
  ["s062", "a'b", "  s062: a'b\n"],
  ["s063", "a\"b", "  s063: a\"b\n"],
  ["s064", "[a]", "  s064: '[a]'\n"],
  ["s065", "{a}", "  s065: '{a}'\n"],
  ["s066", "a,b", "  s066: a,b\n"],
  ["s067", ",a", "  s067: ',a'\n"],
  ["s068", "a\tb", "  s068: \"a\\tb\"\n"],
  ["s069", "\ttab", "  s069: \"\\ttab\"\n"],
  ["s070", "caf\u00e9", "  s070: caf\u00e9\n"],
  ["s071", "\u65e5\u672c", "  s071: \u65e5\u672c\n"],
  ["s072", "\ud83d\ude00", "  s072: \"\\U0001F600\"\n"],
  ["s073", "\u00a0x", "  s073: \u00a0x\n"],
  ["s074", "x\u0085y", "  s074: x y\n"],
  ["s075", "x\u2028y", "  s075: 'x\u2028    y'\n"],
  ["s076", "a\\b", "  s076: a\\b\n"],
  ["s077", "2024-01-02", "  s077: \"2024-01-02\"\n"],
  ["s078", "2024-01-02T03:04:05Z", "  s078: \"2024-01-02T03:04:05Z\"\n"],
  ["s079", "2024-1-2", "  s079: \"2024-1-2\"\n"],
  ["s080", "2024-01-02 03:04:05", "  s080: \"2024-01-02 03:04:05\"\n"],
  ["s081", "2024-01-02T03:04:05.123456789Z", "  s081: \"2024-01-02T03:04:05.123456789Z\"\n"],
  ["s082", "2024-01-02T03:04:05+01:00", "  s082: \"2024-01-02T03:04:05+01:00\"\n"],
  ["s083", "2024-13-02", "  s083: 2024-13-02\n"],
  ["s084", "2024-02-30", "  s084: 2024-02-30\n"],
  ["s085", "2024-02-29", "  s085: \"2024-02-29\"\n"],
  ["s086", "2023-02-29", "  s086: 2023-02-29\n"],
  ["s087", "20240102", "  s087: \"20240102\"\n"],
  ["s088", "12:30", "  s088: \"12:30\"\n"],
  ["s089", "1:20:30", "  s089: \"1:20:30\"\n"],
  ["s090", "190:20:30.15", "  s090: \"190:20:30.15\"\n"],
  ["s091", "1:2", "  s091: \"1:2\"\n"],
  ["s092", "-1:20", "  s092: \"-1:20\"\n"],
  ["s093", "0b101", "  s093: \"0b101\"\n"],
  ["s094", "-0b101", "  s094: \"-0b101\"\n"],
  ["s095", "0b2", "  s095: 0b2\n"],
  ["s096", "1,000", "  s096: 1,000\n"],
  ["s097", "10Mi", "  s097: 10Mi\n"],
  ["s098", "100m", "  s098: 100m\n"],
  ["s099", "0.5", "  s099: \"0.5\"\n"],
  ["s100", "00", "  s100: \"00\"\n"],
  ["s101", "08", "  s101: \"08\"\n"],
  ["s102", "0x", "  s102: 0x\n"],
  ["s103", "+", "  s103: +\n"],
  ["s104", "-.5", "  s104: \"-.5\"\n"],
  ["s105", "+.5", "  s105: \"+.5\"\n"],
  ["s106", "1.", "  s106: \"1.\"\n"],
  ["s107", "1e", "  s107: 1e\n"],
  ["s108", "e1", "  s108: e1\n"],
  ["s109", "<<", "  s109: <<\n"],
  ["s110", "=", "  s110: =\n"],
  ["s111", "a=b", "  s111: a=b\n"],
  ["s112", "line1\nline2", "  s112: |-\n    line1\n    line2\n"],
  ["s113", "line1\nline2\n", "  s113: |\n    line1\n    line2\n"],
  ["s114", "line1\n", "  s114: |\n    line1\n"],
  ["s115", "\n", "  s115: |2+\n\n"],
  ["s116", "\n\n", "  s116: |2+\n\n\n"],
  ["s117", "a\n\n", "  s117: |+\n    a\n\n"],
  ["s118", " lead\nx", "  s118: |2-\n     lead\n    x\n"],
  ["s119", "trail \nx", "  s119: \"trail \\nx\"\n"],
  ["s120", "x\n trail", "  s120: |-\n    x\n     trail\n"],
  ["s121", "a\r\nb", "  s121: \"a\\r\\nb\"\n"],
  ["s122", "a\rb", "  s122: \"a\\rb\"\n"],
  ["s123", "\ufeffabc", "  s123: \"\\uFEFF\\x61\\x62\\x63\"\n"],
  ["s124", "x\by\fz", "  s124: \"x\\by\\fz\"\n"],
  ["s125", "x\u0000y", "  s125: \"x\\0y\"\n"],
  ["s126", "\u001b[0m", "  s126: \"\\e[0m\"\n"],
  ["s127", "2024-01-02t03:04:05z", "  s127: 2024-01-02t03:04:05z\n"],
  ["s128", "2024-01-02T3:4:5Z", "  s128: \"2024-01-02T3:4:5Z\"\n"],
  ["s129", "2024-01-02T03:04:05", "  s129: 2024-01-02T03:04:05\n"],
  ["s130", "2024-01-02T03:04:05.5+0100", "  s130: 2024-01-02T03:04:05.5+0100\n"],
  ["s131", "2024-01-02x", "  s131: 2024-01-02x\n"],
  ["s132", "1:60", "  s132: 1:60\n"],
  ["s133", "1:59", "  s133: \"1:59\"\n"],
  ["s134", "1_2:30", "  s134: \"1_2:30\"\n"],
  ["s135", "+12:30", "  s135: \"+12:30\"\n"],
  ["s136", "0xZZ", "  s136: 0xZZ\n"],
  ["s137", "0x_1", "  s137: \"0x_1\"\n"],
  ["s138", "-0x1", "  s138: \"-0x1\"\n"],
  ["s139", "1__0", "  s139: \"1__0\"\n"],
  ["s140", "_1", "  s140: _1\n"],
  ["s141", "9223372036854775808", "  s141: \"9223372036854775808\"\n"],
  ["s142", "-9223372036854775809", "  s142: \"-9223372036854775809\"\n"],
  ["s143", "18446744073709551616", "  s143: \"18446744073709551616\"\n"],
  ["s144", "1e400", "  s144: 1e400\n"],
  ["s145", "0.", "  s145: \"0.\"\n"],
  ["s146", "-", "  s146: '-'\n"],
  ["s147", "-0", "  s147: \"-0\"\n"],
  ["s148", "+0", "  s148: \"+0\"\n"],
  ["s149", "Infinity", "  s149: Infinity\n"],
  ["s150", ".Inf", "  s150: \".Inf\"\n"],
  ["s151", "+.inf", "  s151: \"+.inf\"\n"],
  ["s152", "-.Inf", "  s152: \"-.Inf\"\n"],
  ["s153", "NULL", "  s153: \"NULL\"\n"],
  ["s154", "nULL", "  s154: nULL\n"],
  ["s155", "OFF", "  s155: \"OFF\"\n"],
  ["s156", "oN", "  s156: oN\n"],
  ["s157", "a  b", "  s157: a  b\n"],
  ["s158", "a   ", "  s158: 'a   '\n"],
  ["s159", "\u3000x", "  s159: \u3000x\n"],
  ["s160", "x\u00a0", "  s160: x\u00a0\n"],
  ["s161", "\u00e9\u0300", "  s161: \u00e9\u0300\n"],
  ["s162", "\ud7ff\ue000\ufffd", "  s162: \ud7ff\ue000\ufffd\n"],
  ["s163", "\u00ad", "  s163: \u00ad\n"],
  ["s164", "a b\u00a0c", "  s164: a b\u00a0c\n"],
  ["s165", "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk", "  s165: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n    pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee\n    ffff gggg hhhh iiii jjjj kkkk\n"],
  ["s166", "aaaa: bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kk'kk", "  s166: 'aaaa: bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n    pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee\n    ffff gggg hhhh iiii jjjj kk''kk'\n"],
  ["s167", "aaaa\tbbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kk\"kk", "  s167: \"aaaa\\tbbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n    pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee\n    ffff gggg hhhh iiii jjjj kk\\\"kk\"\n"],
  ["s168", "aaaa\tbbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu  vvvv  wwww   xxxx yyyy zzzz", "  s168: \"aaaa\\tbbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n    pppp qqqq rrrr ssss tttt uuuu  vvvv  wwww   xxxx yyyy zzzz\"\n"],
  ["s169", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbb", "  s169: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    bbb\n"],
  ["s170", "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrr  sss ttt   uuu vvvv wwww xxxx yyyy zzzz", "  s170: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n    pppp qqqq rrr  sss ttt   uuu vvvv wwww xxxx yyyy zzzz\n"],
  ["s171", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"name\":\"x\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"image\":\"nginx\",\"name\":\"x\"}]}}\n", "  s171: |\n    {\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"name\":\"x\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"image\":\"nginx\",\"name\":\"x\"}]}}\n"],
  ["s172", "#!/bin/sh\nset -e\necho \"hello world\"   \nexit 0\n", "  s172: \"#!/bin/sh\\nset -e\\necho \\\"hello world\\\"   \\nexit 0\\n\"\n"],
  ["s173", "#!/bin/sh\nset -e\necho \"hello world\"\n\texit 0\n", "  s173: \"#!/bin/sh\\nset -e\\necho \\\"hello world\\\"\\n\\texit 0\\n\"\n"],
  ["s174", "\u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e", "  s174: \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e \u65e5\u672c\u8a9e\n"],
];

// Map keys in go-yaml's natural order, quoted keys, `? ` keys (over 128 bytes, or multi-line).
const KEYS = {
  "1": 2,
  "5": 30,
  "9": 25,
  "10": 24,
  "": 1,
  "-": 5,
  "05": 29,
  "X": 18,
  "a b": 7,
  "a10b10": 27,
  "a10b2": 26,
  "a2b": 28,
  "a: b": 4,
  "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": 9,
  "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": 8,
  "multi\nline": 10,
  "null": 6,
  "true": 3,
  "x-1": 19,
  "x0": 15,
  "x00": 16,
  "x010": 14,
  "x050": 33,
  "x09": 13,
  "x10": 12,
  "x50": 34,
  "x9": 11,
  "x_1": 20,
  "xz": 23,
  "x\u00e9": 21,
  "x\ud83d\ude00": 22
};
const KEYS_YAML = [
  "keys:\n",
  "  \"\": 1\n",
  "  '-': 5\n",
  "  \"1\": 2\n",
  "  \"5\": 30\n",
  "  \"05\": 29\n",
  "  \"9\": 25\n",
  "  \"10\": 24\n",
  "  X: 18\n",
  "  a b: 7\n",
  "  'a: b': 4\n",
  "  a2b: 28\n",
  "  a10b2: 26\n",
  "  a10b10: 27\n",
  "  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 9\n",
  "  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n",
  "  : 8\n",
  "  ? |-\n",
  "    multi\n",
  "    line\n",
  "  : 10\n",
  "  \"null\": 6\n",
  "  \"true\": 3\n",
  "  x-1: 19\n",
  "  x_1: 20\n",
  "  \"x\\U0001F600\": 22\n",
  "  x0: 15\n",
  "  x00: 16\n",
  "  x9: 11\n",
  "  x09: 13\n",
  "  x10: 12\n",
  "  x010: 14\n",
  "  x50: 34\n",
  "  x050: 33\n",
  "  xz: 23\n",
  "  x\u00e9: 21\n",
].join('');

// Nested sequences, empty collections, literals and folding at depth.
const NESTED = {
  "lastkeep": "end\n\n",
  "seqs": [
    [
      1,
      [
        2,
        []
      ]
    ],
    [
      {}
    ],
    [
      {
        "a": [
          {}
        ],
        "b": {
          "c": []
        }
      }
    ],
    null,
    "line1\nline2",
    [
      "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss"
    ],
    {
      "deep": {
        "deeper": [
          "x\ny\n",
          "a: b",
          {
            "k": "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss"
          }
        ]
      }
    }
  ]
};
const NESTED_YAML = [
  "nested:\n",
  "  lastkeep: |+\n",
  "    end\n",
  "\n",
  "  seqs:\n",
  "  - - 1\n",
  "    - - 2\n",
  "      - []\n",
  "  - - {}\n",
  "  - - a:\n",
  "      - {}\n",
  "      b:\n",
  "        c: []\n",
  "  - null\n",
  "  - |-\n",
  "    line1\n",
  "    line2\n",
  "  - - aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp\n",
  "      qqqq rrrr ssss\n",
  "  - deep:\n",
  "      deeper:\n",
  "      - |\n",
  "        x\n",
  "        y\n",
  "      - 'a: b'\n",
  "      - k: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n",
  "          pppp qqqq rrrr ssss\n",
].join('');

// `kubectl.1.32 patch --local -f t1.json --type merge -p '{}' -o json|yaml`.
const T1 = {
  "apiVersion": "example.com/v1",
  "kind": "Thing",
  "metadata": {
    "name": "t1"
  },
  "spec": {
    "arr": [],
    "b": true,
    "big": 1e+21,
    "ctrl": "a\u0001b\tc",
    "e": "",
    "f": 1.5,
    "html": "<a&b>",
    "i": 42,
    "keys": {
      "a1": 6,
      "a10": 1,
      "a9": 2,
      "a:": 5,
      "aZ": 3,
      "a_": 4
    },
    "long": "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu",
    "longq": "1aaa: bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu",
    "mid": 1500000.5,
    "ml": "a\nb\n",
    "ml2": "a\nb",
    "ml3": "  a\nb\n\n",
    "n": null,
    "neg": -3,
    "nested": [
      [
        1,
        2
      ],
      [
        {
          "a": 1,
          "b": [
            3
          ]
        }
      ]
    ],
    "nul": "null",
    "num": "1",
    "obj": {},
    "small": 0.00001,
    "t": "true",
    "ts": "2024-01-02T03:04:05Z",
    "y": "yes"
  }
};
const T1_JSON = [
  "{\n",
  "    \"apiVersion\": \"example.com/v1\",\n",
  "    \"kind\": \"Thing\",\n",
  "    \"metadata\": {\n",
  "        \"name\": \"t1\"\n",
  "    },\n",
  "    \"spec\": {\n",
  "        \"arr\": [],\n",
  "        \"b\": true,\n",
  "        \"big\": 1e+21,\n",
  "        \"ctrl\": \"a\\u0001b\\tc\",\n",
  "        \"e\": \"\",\n",
  "        \"f\": 1.5,\n",
  "        \"html\": \"\\u003ca\\u0026b\\u003e\",\n",
  "        \"i\": 42,\n",
  "        \"keys\": {\n",
  "            \"a1\": 6,\n",
  "            \"a10\": 1,\n",
  "            \"a9\": 2,\n",
  "            \"a:\": 5,\n",
  "            \"aZ\": 3,\n",
  "            \"a_\": 4\n",
  "        },\n",
  "        \"long\": \"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu\",\n",
  "        \"longq\": \"1aaa: bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu\",\n",
  "        \"mid\": 1500000.5,\n",
  "        \"ml\": \"a\\nb\\n\",\n",
  "        \"ml2\": \"a\\nb\",\n",
  "        \"ml3\": \"  a\\nb\\n\\n\",\n",
  "        \"n\": null,\n",
  "        \"neg\": -3,\n",
  "        \"nested\": [\n",
  "            [\n",
  "                1,\n",
  "                2\n",
  "            ],\n",
  "            [\n",
  "                {\n",
  "                    \"a\": 1,\n",
  "                    \"b\": [\n",
  "                        3\n",
  "                    ]\n",
  "                }\n",
  "            ]\n",
  "        ],\n",
  "        \"nul\": \"null\",\n",
  "        \"num\": \"1\",\n",
  "        \"obj\": {},\n",
  "        \"small\": 0.00001,\n",
  "        \"t\": \"true\",\n",
  "        \"ts\": \"2024-01-02T03:04:05Z\",\n",
  "        \"y\": \"yes\"\n",
  "    }\n",
  "}\n",
].join('');
const T1_YAML = [
  "apiVersion: example.com/v1\n",
  "kind: Thing\n",
  "metadata:\n",
  "  name: t1\n",
  "spec:\n",
  "  arr: []\n",
  "  b: true\n",
  "  big: 1e+21\n",
  "  ctrl: \"a\\x01b\\tc\"\n",
  "  e: \"\"\n",
  "  f: 1.5\n",
  "  html: <a&b>\n",
  "  i: 42\n",
  "  keys:\n",
  "    'a:': 5\n",
  "    a_: 4\n",
  "    a1: 6\n",
  "    a9: 2\n",
  "    a10: 1\n",
  "    aZ: 3\n",
  "  long: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n",
  "    pppp qqqq rrrr ssss tttt uuuu\n",
  "  longq: '1aaa: bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n",
  "    pppp qqqq rrrr ssss tttt uuuu'\n",
  "  mid: 1.5000005e+06\n",
  "  ml: |\n",
  "    a\n",
  "    b\n",
  "  ml2: |-\n",
  "    a\n",
  "    b\n",
  "  ml3: |2+\n",
  "      a\n",
  "    b\n",
  "\n",
  "  \"n\": null\n",
  "  neg: -3\n",
  "  nested:\n",
  "  - - 1\n",
  "    - 2\n",
  "  - - a: 1\n",
  "      b:\n",
  "      - 3\n",
  "  nul: \"null\"\n",
  "  num: \"1\"\n",
  "  obj: {}\n",
  "  small: 1e-05\n",
  "  t: \"true\"\n",
  "  ts: \"2024-01-02T03:04:05Z\"\n",
  "  \"y\": \"yes\"\n",
].join('');

// Numbers through Go's float64/int64 handling.
const NUMS = {
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {
    "name": "p"
  },
  "spec": {
    "a": 1500000.5,
    "b": 123456789.5,
    "c": 1e+21,
    "d": 0.00001,
    "e": 0.0001,
    "f": 100000.5,
    "g": 1,
    "h": 2.5e-7,
    "i": 12345678901234567000,
    "j": true,
    "k": null,
    "l": "s<&>",
    "m": [],
    "n": {}
  }
};
const NUMS_JSON = [
  "{\n",
  "    \"apiVersion\": \"v1\",\n",
  "    \"kind\": \"Pod\",\n",
  "    \"metadata\": {\n",
  "        \"name\": \"p\"\n",
  "    },\n",
  "    \"spec\": {\n",
  "        \"a\": 1500000.5,\n",
  "        \"b\": 123456789.5,\n",
  "        \"c\": 1e+21,\n",
  "        \"d\": 0.00001,\n",
  "        \"e\": 0.0001,\n",
  "        \"f\": 100000.5,\n",
  "        \"g\": 1,\n",
  "        \"h\": 2.5e-7,\n",
  "        \"i\": 12345678901234567000,\n",
  "        \"j\": true,\n",
  "        \"k\": null,\n",
  "        \"l\": \"s\\u003c\\u0026\\u003e\",\n",
  "        \"m\": [],\n",
  "        \"n\": {}\n",
  "    }\n",
  "}\n",
].join('');
const NUMS_YAML = [
  "apiVersion: v1\n",
  "kind: Pod\n",
  "metadata:\n",
  "  name: p\n",
  "spec:\n",
  "  a: 1.5000005e+06\n",
  "  b: 1.234567895e+08\n",
  "  c: 1e+21\n",
  "  d: 1e-05\n",
  "  e: 0.0001\n",
  "  f: 100000.5\n",
  "  g: 1\n",
  "  h: 2.5e-07\n",
  "  i: 12345678901234567000\n",
  "  j: true\n",
  "  k: null\n",
  "  l: s<&>\n",
  "  m: []\n",
  "  \"n\": {}\n",
].join('');

// `kubectl.1.32 get pods -A -o json|yaml|name|jsonpath…` for three of the demo fixture's pods.
const PODS = {
  "apiVersion": "v1",
  "items": [
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "creationTimestamp": "2025-11-20T10:00:00Z",
        "labels": {
          "app": "bigquery-runner"
        },
        "name": "bigquery-runner",
        "namespace": "default"
      },
      "spec": {
        "containers": [
          {
            "image": "ghcr.io/acme/bq-runner:1.0",
            "name": "runner",
            "resources": {
              "requests": {
                "cpu": "6",
                "memory": "32Gi"
              }
            }
          }
        ]
      },
      "status": {
        "conditions": [
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "message": "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
            "reason": "Unschedulable",
            "status": "False",
            "type": "PodScheduled"
          }
        ],
        "phase": "Pending",
        "qosClass": "Burstable"
      }
    },
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "annotations": {
          "kubectl.kubernetes.io/default-container": "app"
        },
        "creationTimestamp": "2025-11-20T10:00:00Z",
        "labels": {
          "app": "checkout",
          "pod-template-hash": "6f8b9c7d5"
        },
        "name": "checkout-6f8b9c7d5-p4x7w",
        "namespace": "shop",
        "ownerReferences": [
          {
            "apiVersion": "apps/v1",
            "controller": true,
            "kind": "ReplicaSet",
            "name": "checkout-6f8b9c7d5",
            "uid": "0a1b2c3d-0000-4000-8000-000000000004"
          }
        ]
      },
      "spec": {
        "containers": [
          {
            "image": "istio/proxyv2:1.24.2",
            "name": "istio-proxy",
            "resources": {
              "limits": {
                "cpu": "2",
                "memory": "1Gi"
              },
              "requests": {
                "cpu": "100m",
                "memory": "128Mi"
              }
            }
          },
          {
            "image": "shop/checkout:2.4.1",
            "name": "app",
            "resources": {
              "limits": {
                "cpu": "1",
                "memory": "512Mi"
              },
              "requests": {
                "cpu": "250m",
                "memory": "256Mi"
              }
            }
          }
        ],
        "initContainers": [
          {
            "image": "shop/checkout-migrate:2.4.1",
            "name": "migrate"
          }
        ],
        "nodeName": "node-b"
      },
      "status": {
        "conditions": [
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "status": "True",
            "type": "Initialized"
          },
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "message": "containers with unready status: [app]",
            "reason": "ContainersNotReady",
            "status": "False",
            "type": "Ready"
          }
        ],
        "containerStatuses": [
          {
            "containerID": "containerd://c1",
            "image": "istio/proxyv2:1.24.2",
            "imageID": "",
            "name": "istio-proxy",
            "ready": true,
            "restartCount": 0,
            "started": true,
            "state": {
              "running": {
                "startedAt": "2025-11-20T10:00:00Z"
              }
            }
          },
          {
            "containerID": "containerd://c2",
            "image": "shop/checkout:2.4.1",
            "imageID": "",
            "lastState": {
              "terminated": {
                "exitCode": 137,
                "finishedAt": "2025-11-20T10:00:00Z",
                "reason": "OOMKilled",
                "startedAt": "2025-11-20T10:00:00Z"
              }
            },
            "name": "app",
            "ready": false,
            "restartCount": 4,
            "started": false,
            "state": {
              "waiting": {
                "message": "back-off 2m40s restarting failed container=app pod=checkout-6f8b9c7d5-p4x7w_shop(4d2c)",
                "reason": "CrashLoopBackOff"
              }
            }
          }
        ],
        "hostIP": "10.0.0.12",
        "initContainerStatuses": [
          {
            "containerID": "containerd://c0",
            "image": "shop/checkout-migrate:2.4.1",
            "imageID": "",
            "name": "migrate",
            "ready": true,
            "restartCount": 0,
            "state": {
              "terminated": {
                "exitCode": 0,
                "finishedAt": "2025-11-20T10:00:00Z",
                "reason": "Completed",
                "startedAt": "2025-11-20T10:00:00Z"
              }
            }
          }
        ],
        "phase": "Running",
        "podIP": "10.244.1.30",
        "qosClass": "Burstable",
        "startTime": "2025-11-20T10:00:00Z"
      }
    },
    {
      "apiVersion": "v1",
      "kind": "Pod",
      "metadata": {
        "creationTimestamp": "2025-11-20T10:00:00Z",
        "labels": {
          "app": "api-gateway"
        },
        "name": "api-gateway-typo",
        "namespace": "default"
      },
      "spec": {
        "containers": [
          {
            "image": "envoyproxy/envoy:v1.32.O",
            "name": "gateway"
          }
        ],
        "nodeName": "node-a"
      },
      "status": {
        "conditions": [
          {
            "lastTransitionTime": "2025-11-20T10:00:00Z",
            "reason": "ContainersNotReady",
            "status": "False",
            "type": "Ready"
          }
        ],
        "containerStatuses": [
          {
            "image": "envoyproxy/envoy:v1.32.O",
            "imageID": "",
            "name": "gateway",
            "ready": false,
            "restartCount": 0,
            "started": false,
            "state": {
              "waiting": {
                "message": "Back-off pulling image \"envoyproxy/envoy:v1.32.O\"",
                "reason": "ImagePullBackOff"
              }
            }
          }
        ],
        "hostIP": "10.0.0.11",
        "phase": "Pending",
        "podIP": "10.244.0.77",
        "startTime": "2025-11-20T10:00:00Z"
      }
    }
  ],
  "kind": "List",
  "metadata": {
    "resourceVersion": ""
  }
};
const PODS_JSON = [
  "{\n",
  "    \"apiVersion\": \"v1\",\n",
  "    \"items\": [\n",
  "        {\n",
  "            \"apiVersion\": \"v1\",\n",
  "            \"kind\": \"Pod\",\n",
  "            \"metadata\": {\n",
  "                \"creationTimestamp\": \"2025-11-20T10:00:00Z\",\n",
  "                \"labels\": {\n",
  "                    \"app\": \"bigquery-runner\"\n",
  "                },\n",
  "                \"name\": \"bigquery-runner\",\n",
  "                \"namespace\": \"default\"\n",
  "            },\n",
  "            \"spec\": {\n",
  "                \"containers\": [\n",
  "                    {\n",
  "                        \"image\": \"ghcr.io/acme/bq-runner:1.0\",\n",
  "                        \"name\": \"runner\",\n",
  "                        \"resources\": {\n",
  "                            \"requests\": {\n",
  "                                \"cpu\": \"6\",\n",
  "                                \"memory\": \"32Gi\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ]\n",
  "            },\n",
  "            \"status\": {\n",
  "                \"conditions\": [\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"message\": \"0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.\",\n",
  "                        \"reason\": \"Unschedulable\",\n",
  "                        \"status\": \"False\",\n",
  "                        \"type\": \"PodScheduled\"\n",
  "                    }\n",
  "                ],\n",
  "                \"phase\": \"Pending\",\n",
  "                \"qosClass\": \"Burstable\"\n",
  "            }\n",
  "        },\n",
  "        {\n",
  "            \"apiVersion\": \"v1\",\n",
  "            \"kind\": \"Pod\",\n",
  "            \"metadata\": {\n",
  "                \"annotations\": {\n",
  "                    \"kubectl.kubernetes.io/default-container\": \"app\"\n",
  "                },\n",
  "                \"creationTimestamp\": \"2025-11-20T10:00:00Z\",\n",
  "                \"labels\": {\n",
  "                    \"app\": \"checkout\",\n",
  "                    \"pod-template-hash\": \"6f8b9c7d5\"\n",
  "                },\n",
  "                \"name\": \"checkout-6f8b9c7d5-p4x7w\",\n",
  "                \"namespace\": \"shop\",\n",
  "                \"ownerReferences\": [\n",
  "                    {\n",
  "                        \"apiVersion\": \"apps/v1\",\n",
  "                        \"controller\": true,\n",
  "                        \"kind\": \"ReplicaSet\",\n",
  "                        \"name\": \"checkout-6f8b9c7d5\",\n",
  "                        \"uid\": \"0a1b2c3d-0000-4000-8000-000000000004\"\n",
  "                    }\n",
  "                ]\n",
  "            },\n",
  "            \"spec\": {\n",
  "                \"containers\": [\n",
  "                    {\n",
  "                        \"image\": \"istio/proxyv2:1.24.2\",\n",
  "                        \"name\": \"istio-proxy\",\n",
  "                        \"resources\": {\n",
  "                            \"limits\": {\n",
  "                                \"cpu\": \"2\",\n",
  "                                \"memory\": \"1Gi\"\n",
  "                            },\n",
  "                            \"requests\": {\n",
  "                                \"cpu\": \"100m\",\n",
  "                                \"memory\": \"128Mi\"\n",
  "                            }\n",
  "                        }\n",
  "                    },\n",
  "                    {\n",
  "                        \"image\": \"shop/checkout:2.4.1\",\n",
  "                        \"name\": \"app\",\n",
  "                        \"resources\": {\n",
  "                            \"limits\": {\n",
  "                                \"cpu\": \"1\",\n",
  "                                \"memory\": \"512Mi\"\n",
  "                            },\n",
  "                            \"requests\": {\n",
  "                                \"cpu\": \"250m\",\n",
  "                                \"memory\": \"256Mi\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"initContainers\": [\n",
  "                    {\n",
  "                        \"image\": \"shop/checkout-migrate:2.4.1\",\n",
  "                        \"name\": \"migrate\"\n",
  "                    }\n",
  "                ],\n",
  "                \"nodeName\": \"node-b\"\n",
  "            },\n",
  "            \"status\": {\n",
  "                \"conditions\": [\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"status\": \"True\",\n",
  "                        \"type\": \"Initialized\"\n",
  "                    },\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"message\": \"containers with unready status: [app]\",\n",
  "                        \"reason\": \"ContainersNotReady\",\n",
  "                        \"status\": \"False\",\n",
  "                        \"type\": \"Ready\"\n",
  "                    }\n",
  "                ],\n",
  "                \"containerStatuses\": [\n",
  "                    {\n",
  "                        \"containerID\": \"containerd://c1\",\n",
  "                        \"image\": \"istio/proxyv2:1.24.2\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"name\": \"istio-proxy\",\n",
  "                        \"ready\": true,\n",
  "                        \"restartCount\": 0,\n",
  "                        \"started\": true,\n",
  "                        \"state\": {\n",
  "                            \"running\": {\n",
  "                                \"startedAt\": \"2025-11-20T10:00:00Z\"\n",
  "                            }\n",
  "                        }\n",
  "                    },\n",
  "                    {\n",
  "                        \"containerID\": \"containerd://c2\",\n",
  "                        \"image\": \"shop/checkout:2.4.1\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"lastState\": {\n",
  "                            \"terminated\": {\n",
  "                                \"exitCode\": 137,\n",
  "                                \"finishedAt\": \"2025-11-20T10:00:00Z\",\n",
  "                                \"reason\": \"OOMKilled\",\n",
  "                                \"startedAt\": \"2025-11-20T10:00:00Z\"\n",
  "                            }\n",
  "                        },\n",
  "                        \"name\": \"app\",\n",
  "                        \"ready\": false,\n",
  "                        \"restartCount\": 4,\n",
  "                        \"started\": false,\n",
  "                        \"state\": {\n",
  "                            \"waiting\": {\n",
  "                                \"message\": \"back-off 2m40s restarting failed container=app pod=checkout-6f8b9c7d5-p4x7w_shop(4d2c)\",\n",
  "                                \"reason\": \"CrashLoopBackOff\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"hostIP\": \"10.0.0.12\",\n",
  "                \"initContainerStatuses\": [\n",
  "                    {\n",
  "                        \"containerID\": \"containerd://c0\",\n",
  "                        \"image\": \"shop/checkout-migrate:2.4.1\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"name\": \"migrate\",\n",
  "                        \"ready\": true,\n",
  "                        \"restartCount\": 0,\n",
  "                        \"state\": {\n",
  "                            \"terminated\": {\n",
  "                                \"exitCode\": 0,\n",
  "                                \"finishedAt\": \"2025-11-20T10:00:00Z\",\n",
  "                                \"reason\": \"Completed\",\n",
  "                                \"startedAt\": \"2025-11-20T10:00:00Z\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"phase\": \"Running\",\n",
  "                \"podIP\": \"10.244.1.30\",\n",
  "                \"qosClass\": \"Burstable\",\n",
  "                \"startTime\": \"2025-11-20T10:00:00Z\"\n",
  "            }\n",
  "        },\n",
  "        {\n",
  "            \"apiVersion\": \"v1\",\n",
  "            \"kind\": \"Pod\",\n",
  "            \"metadata\": {\n",
  "                \"creationTimestamp\": \"2025-11-20T10:00:00Z\",\n",
  "                \"labels\": {\n",
  "                    \"app\": \"api-gateway\"\n",
  "                },\n",
  "                \"name\": \"api-gateway-typo\",\n",
  "                \"namespace\": \"default\"\n",
  "            },\n",
  "            \"spec\": {\n",
  "                \"containers\": [\n",
  "                    {\n",
  "                        \"image\": \"envoyproxy/envoy:v1.32.O\",\n",
  "                        \"name\": \"gateway\"\n",
  "                    }\n",
  "                ],\n",
  "                \"nodeName\": \"node-a\"\n",
  "            },\n",
  "            \"status\": {\n",
  "                \"conditions\": [\n",
  "                    {\n",
  "                        \"lastTransitionTime\": \"2025-11-20T10:00:00Z\",\n",
  "                        \"reason\": \"ContainersNotReady\",\n",
  "                        \"status\": \"False\",\n",
  "                        \"type\": \"Ready\"\n",
  "                    }\n",
  "                ],\n",
  "                \"containerStatuses\": [\n",
  "                    {\n",
  "                        \"image\": \"envoyproxy/envoy:v1.32.O\",\n",
  "                        \"imageID\": \"\",\n",
  "                        \"name\": \"gateway\",\n",
  "                        \"ready\": false,\n",
  "                        \"restartCount\": 0,\n",
  "                        \"started\": false,\n",
  "                        \"state\": {\n",
  "                            \"waiting\": {\n",
  "                                \"message\": \"Back-off pulling image \\\"envoyproxy/envoy:v1.32.O\\\"\",\n",
  "                                \"reason\": \"ImagePullBackOff\"\n",
  "                            }\n",
  "                        }\n",
  "                    }\n",
  "                ],\n",
  "                \"hostIP\": \"10.0.0.11\",\n",
  "                \"phase\": \"Pending\",\n",
  "                \"podIP\": \"10.244.0.77\",\n",
  "                \"startTime\": \"2025-11-20T10:00:00Z\"\n",
  "            }\n",
  "        }\n",
  "    ],\n",
  "    \"kind\": \"List\",\n",
  "    \"metadata\": {\n",
  "        \"resourceVersion\": \"\"\n",
  "    }\n",
  "}\n",
].join('');
const PODS_YAML = [
  "apiVersion: v1\n",
  "items:\n",
  "- apiVersion: v1\n",
  "  kind: Pod\n",
  "  metadata:\n",
  "    creationTimestamp: \"2025-11-20T10:00:00Z\"\n",
  "    labels:\n",
  "      app: bigquery-runner\n",
  "    name: bigquery-runner\n",
  "    namespace: default\n",
  "  spec:\n",
  "    containers:\n",
  "    - image: ghcr.io/acme/bq-runner:1.0\n",
  "      name: runner\n",
  "      resources:\n",
  "        requests:\n",
  "          cpu: \"6\"\n",
  "          memory: 32Gi\n",
  "  status:\n",
  "    conditions:\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      message: '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable:\n",
  "        }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption\n",
  "        is not helpful for scheduling, 2 No preemption victims found for incoming\n",
  "        pod.'\n",
  "      reason: Unschedulable\n",
  "      status: \"False\"\n",
  "      type: PodScheduled\n",
  "    phase: Pending\n",
  "    qosClass: Burstable\n",
  "- apiVersion: v1\n",
  "  kind: Pod\n",
  "  metadata:\n",
  "    annotations:\n",
  "      kubectl.kubernetes.io/default-container: app\n",
  "    creationTimestamp: \"2025-11-20T10:00:00Z\"\n",
  "    labels:\n",
  "      app: checkout\n",
  "      pod-template-hash: 6f8b9c7d5\n",
  "    name: checkout-6f8b9c7d5-p4x7w\n",
  "    namespace: shop\n",
  "    ownerReferences:\n",
  "    - apiVersion: apps/v1\n",
  "      controller: true\n",
  "      kind: ReplicaSet\n",
  "      name: checkout-6f8b9c7d5\n",
  "      uid: 0a1b2c3d-0000-4000-8000-000000000004\n",
  "  spec:\n",
  "    containers:\n",
  "    - image: istio/proxyv2:1.24.2\n",
  "      name: istio-proxy\n",
  "      resources:\n",
  "        limits:\n",
  "          cpu: \"2\"\n",
  "          memory: 1Gi\n",
  "        requests:\n",
  "          cpu: 100m\n",
  "          memory: 128Mi\n",
  "    - image: shop/checkout:2.4.1\n",
  "      name: app\n",
  "      resources:\n",
  "        limits:\n",
  "          cpu: \"1\"\n",
  "          memory: 512Mi\n",
  "        requests:\n",
  "          cpu: 250m\n",
  "          memory: 256Mi\n",
  "    initContainers:\n",
  "    - image: shop/checkout-migrate:2.4.1\n",
  "      name: migrate\n",
  "    nodeName: node-b\n",
  "  status:\n",
  "    conditions:\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      status: \"True\"\n",
  "      type: Initialized\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      message: 'containers with unready status: [app]'\n",
  "      reason: ContainersNotReady\n",
  "      status: \"False\"\n",
  "      type: Ready\n",
  "    containerStatuses:\n",
  "    - containerID: containerd://c1\n",
  "      image: istio/proxyv2:1.24.2\n",
  "      imageID: \"\"\n",
  "      name: istio-proxy\n",
  "      ready: true\n",
  "      restartCount: 0\n",
  "      started: true\n",
  "      state:\n",
  "        running:\n",
  "          startedAt: \"2025-11-20T10:00:00Z\"\n",
  "    - containerID: containerd://c2\n",
  "      image: shop/checkout:2.4.1\n",
  "      imageID: \"\"\n",
  "      lastState:\n",
  "        terminated:\n",
  "          exitCode: 137\n",
  "          finishedAt: \"2025-11-20T10:00:00Z\"\n",
  "          reason: OOMKilled\n",
  "          startedAt: \"2025-11-20T10:00:00Z\"\n",
  "      name: app\n",
  "      ready: false\n",
  "      restartCount: 4\n",
  "      started: false\n",
  "      state:\n",
  "        waiting:\n",
  "          message: back-off 2m40s restarting failed container=app pod=checkout-6f8b9c7d5-p4x7w_shop(4d2c)\n",
  "          reason: CrashLoopBackOff\n",
  "    hostIP: 10.0.0.12\n",
  "    initContainerStatuses:\n",
  "    - containerID: containerd://c0\n",
  "      image: shop/checkout-migrate:2.4.1\n",
  "      imageID: \"\"\n",
  "      name: migrate\n",
  "      ready: true\n",
  "      restartCount: 0\n",
  "      state:\n",
  "        terminated:\n",
  "          exitCode: 0\n",
  "          finishedAt: \"2025-11-20T10:00:00Z\"\n",
  "          reason: Completed\n",
  "          startedAt: \"2025-11-20T10:00:00Z\"\n",
  "    phase: Running\n",
  "    podIP: 10.244.1.30\n",
  "    qosClass: Burstable\n",
  "    startTime: \"2025-11-20T10:00:00Z\"\n",
  "- apiVersion: v1\n",
  "  kind: Pod\n",
  "  metadata:\n",
  "    creationTimestamp: \"2025-11-20T10:00:00Z\"\n",
  "    labels:\n",
  "      app: api-gateway\n",
  "    name: api-gateway-typo\n",
  "    namespace: default\n",
  "  spec:\n",
  "    containers:\n",
  "    - image: envoyproxy/envoy:v1.32.O\n",
  "      name: gateway\n",
  "    nodeName: node-a\n",
  "  status:\n",
  "    conditions:\n",
  "    - lastTransitionTime: \"2025-11-20T10:00:00Z\"\n",
  "      reason: ContainersNotReady\n",
  "      status: \"False\"\n",
  "      type: Ready\n",
  "    containerStatuses:\n",
  "    - image: envoyproxy/envoy:v1.32.O\n",
  "      imageID: \"\"\n",
  "      name: gateway\n",
  "      ready: false\n",
  "      restartCount: 0\n",
  "      started: false\n",
  "      state:\n",
  "        waiting:\n",
  "          message: Back-off pulling image \"envoyproxy/envoy:v1.32.O\"\n",
  "          reason: ImagePullBackOff\n",
  "    hostIP: 10.0.0.11\n",
  "    phase: Pending\n",
  "    podIP: 10.244.0.77\n",
  "    startTime: \"2025-11-20T10:00:00Z\"\n",
  "kind: List\n",
  "metadata:\n",
  "  resourceVersion: \"\"\n",
].join('');
const PODS_NAME = "pod/bigquery-runner\npod/checkout-6f8b9c7d5-p4x7w\npod/api-gateway-typo\n";
const PODS_JSONPATH: [string, boolean, string][] = [
  ["{range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\t\"}{.status.containerStatuses[*].restartCount}{\"\\t\"}{.status.containerStatuses[*].state.waiting.reason}{\"\\n\"}{end}", false, "default/bigquery-runner\t\t\nshop/checkout-6f8b9c7d5-p4x7w\t0 4\tCrashLoopBackOff\ndefault/api-gateway-typo\t0\tImagePullBackOff\n"],
  ["{.items[?(@.status.phase==\"Pending\")].status.conditions[?(@.type==\"PodScheduled\")].message}", false, "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."],
  ["{.items[*].spec.containers[*].resources.requests}", true, "[\n    {\n        \"cpu\": \"6\",\n        \"memory\": \"32Gi\"\n    },\n    {\n        \"cpu\": \"100m\",\n        \"memory\": \"128Mi\"\n    },\n    {\n        \"cpu\": \"250m\",\n        \"memory\": \"256Mi\"\n    }\n]\n"],
];

// [string, the `zz:` line(s) kubectl prints, or its error]: U+0085 is folded by go-yaml's reader; other C1 controls
// and U+FFFE fail the whole print.
const READ_BACK: [string, string][] = [
  ["x\u007fy", "yaml: control characters are not allowed"],
  ["x\u0080y", "yaml: control characters are not allowed"],
  ["x\ufffey", "yaml: control characters are not allowed"],
  ["a \u0085  b", "zz: a b\n"],
  ["a\u0085\u0085b", "zz: |-\n  a\n  b\n"],
  ["a \u0085 \u0085 b", "zz: |-\n  a\n  b\n"],
  ["end\n\n", "zz: |+\n  end\n\n"],
];

// [apiVersion, kind, name, line] of `kubectl.1.32 label --local -f list.json zz- -o name`.
const NAMES: [string, string, string, string][] = [
  ["v1", "Namespace", "default", "namespace/default"],
  ["v1", "Node", "node-a", "node/node-a"],
  ["apps/v1", "Deployment", "web", "deployment.apps/web"],
  ["apps/v1", "ReplicaSet", "web-7d9c6b5f4", "replicaset.apps/web-7d9c6b5f4"],
  ["v1", "Pod", "web-7d9c6b5f4-kx2vq", "pod/web-7d9c6b5f4-kx2vq"],
  ["apps/v1", "StatefulSet", "payments", "statefulset.apps/payments"],
  ["v1", "Service", "web", "service/web"],
  ["batch/v1", "Job", "nightly-report", "job.batch/nightly-report"],
  ["apps/v1", "DaemonSet", "kube-proxy", "daemonset.apps/kube-proxy"],
  ["metrics.k8s.io/v1beta1", "NodeMetrics", "node-a", "nodemetrics.metrics.k8s.io/node-a"],
  ["metrics.k8s.io/v1beta1", "PodMetrics", "web-7d9c6b5f4-kx2vq", "podmetrics.metrics.k8s.io/web-7d9c6b5f4-kx2vq"],
  ["v1", "Event", "web.181a0c0a1f2e3d4c", "event/web.181a0c0a1f2e3d4c"],
  ["events.k8s.io/v1", "Event", "x.17a", "event.events.k8s.io/x.17a"],
  ["v1", "Endpoints", "ep", "endpoints/ep"],
];

// `kubectl.1.32 label --local -f mf.json zz- -o yaml|json [--show-managed-fields]` (label added `labels: {}`).
const MF = {
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {
    "labels": {},
    "managedFields": [
      {
        "manager": "m"
      }
    ],
    "name": "mf"
  }
};
const MF_YAML = [
  "apiVersion: apps/v1\n",
  "kind: Deployment\n",
  "metadata:\n",
  "  labels: {}\n",
  "  name: mf\n",
].join('');
const MF_YAML_SHOWN = [
  "apiVersion: apps/v1\n",
  "kind: Deployment\n",
  "metadata:\n",
  "  labels: {}\n",
  "  managedFields:\n",
  "  - manager: m\n",
  "  name: mf\n",
].join('');
const MF_JSON = [
  "{\n",
  "    \"apiVersion\": \"apps/v1\",\n",
  "    \"kind\": \"Deployment\",\n",
  "    \"metadata\": {\n",
  "        \"labels\": {},\n",
  "        \"name\": \"mf\"\n",
  "    }\n",
  "}\n",
].join('');

describe('printJSON', () => {
  it.each([
    ['escapes, sorted keys, nesting', T1, T1_JSON],
    ['numbers', NUMS, NUMS_JSON],
    ['a List of pods', PODS, PODS_JSON],
  ])('%s', (_name, obj, want) => {
    expect(printJSON(obj)).toBe(want);
  });
});

describe('printYAML', () => {
  it.each(SCALARS)('%s: %j', (key, value, want) => {
    expect(printYAML({ data: { [key]: value } })).toBe(`data:\n${want}`);
  });

  it.each([
    ['key order and key styles', { keys: KEYS }, KEYS_YAML],
    ['nested collections', { nested: NESTED }, NESTED_YAML],
    ['escapes, sorted keys, nesting', T1, T1_YAML],
    ['numbers', NUMS, NUMS_YAML],
    ['a List of pods, folding a long message', PODS, PODS_YAML],
  ])('%s', (_name, obj, want) => {
    expect(printYAML(obj)).toBe(want);
  });

  it.each(READ_BACK)('%j as go-yaml reads it back', (value, want) => {
    if (want.startsWith('zz:')) expect(printYAML({ zz: value })).toBe(want);
    else expect(() => printYAML({ zz: value })).toThrow(want);
  });
});

describe('printName', () => {
  it.each(NAMES)('%s %s', (apiVersion, kind, name, line) => {
    expect(printName({ apiVersion, kind, metadata: { name } })).toBe(`${line}\n`);
  });

  it('prints one line per item of a list', () => {
    expect(printName(PODS)).toBe(PODS_NAME);
    const items = NAMES.map(([apiVersion, kind, name]) => ({ apiVersion, kind, metadata: { name } }));
    expect(printName({ apiVersion: 'v1', kind: 'List', items })).toBe(NAMES.map((r) => `${r[3]}\n`).join(''));
  });

  // Not reachable through kubectl's own commands; wording from cli-runtime's NamePrinter.
  it('names what it cannot name', () => {
    expect(printName({ apiVersion: 'v1', kind: 'Pod', metadata: {} })).toBe('pod/<unknown>\n');
    expect(() => printName({ metadata: { name: 'x' } })).toThrow(
      'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type',
    );
  });
});

// kubectl's allowed formats; the order does not matter (they are printed sorted).
const LABEL_ALLOWED = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile'].concat([
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
]);
const GET_ALLOWED = [...LABEL_ALLOWED, 'wide', 'custom-columns', 'custom-columns-file'];
const LABEL_LIST = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

describe('parseOutputFormat', () => {
  it.each<[string, string[], OutputFormat]>([
    ['json', LABEL_ALLOWED, { kind: 'json' }],
    ['JSON', LABEL_ALLOWED, { kind: 'json' }],
    ['Yaml', LABEL_ALLOWED, { kind: 'yaml' }],
    ['NAME', LABEL_ALLOWED, { kind: 'name' }],
    ['jsonpath={.kind}', LABEL_ALLOWED, { kind: 'jsonpath', template: '{.kind}', asJSON: false }],
    ['jsonpath-as-json={.a}', LABEL_ALLOWED, { kind: 'jsonpath', template: '{.a}', asJSON: true }],
  ])('%s', (value, allowed, want) => {
    expect(parseOutputFormat(value, allowed)).toEqual(want);
  });

  it.each<[string, string[], string | undefined, string]>([
    [
      'wide2',
      GET_ALLOWED,
      undefined,
      'unable to match a printer suitable for the output format "wide2", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    ],
    ['wide', LABEL_ALLOWED, undefined, `unable to match a printer suitable for the output format "wide", allowed formats are: ${LABEL_LIST}`],
    [
      'JSONPATH={.kind}',
      LABEL_ALLOWED,
      undefined,
      `unable to match a printer suitable for the output format "JSONPATH={.kind}", allowed formats are: ${LABEL_LIST}`,
    ],
    [
      'jsonpath={.kind}',
      LABEL_ALLOWED,
      '{.kind}',
      `unable to match a printer suitable for the output format "jsonpath={.kind}", allowed formats are: ${LABEL_LIST}`,
    ],
    ['jsonpath', LABEL_ALLOWED, undefined, 'template format specified but no template given'],
    ['jsonpath-as-json=', LABEL_ALLOWED, undefined, 'template format specified but no template given'],
    ['jsonpath-file', LABEL_ALLOWED, undefined, 'template format specified but no template given'],
    ['jsonpath={.a[', LABEL_ALLOWED, undefined, 'error parsing jsonpath {.a[, unterminated array'],
  ])('%s (--template %s) fails as kubectl does', (value, allowed, template, message) => {
    const run = (): OutputFormat => parseOutputFormat(value, allowed, template === undefined ? {} : { template });
    expect(run).toThrow(KtError);
    expect(run).toThrow(message);
  });

  it('takes a bare jsonpath’s template from --template, and reads jsonpath-file', () => {
    expect(parseOutputFormat('jsonpath', LABEL_ALLOWED, { template: '{.kind}' })).toEqual({
      kind: 'jsonpath',
      template: '{.kind}',
      asJSON: false,
    });
    const readFile = (path: string): string => (path === 't.txt' ? '{.metadata.name}' : '');
    expect(parseOutputFormat('jsonpath-file=t.txt', LABEL_ALLOWED, { readFile })).toEqual({
      kind: 'jsonpath',
      template: '{.metadata.name}',
      asJSON: false,
    });
  });

  it('refuses Go templates, which kt does not render', () => {
    expect(() => parseOutputFormat('go-template={{.kind}}', LABEL_ALLOWED)).toThrow('not supported by kt');
  });
});

describe('printObject', () => {
  it('drops managedFields from -o json/yaml unless asked', () => {
    expect(printObject(MF, { kind: 'yaml' })).toBe(MF_YAML);
    expect(printObject(MF, { kind: 'yaml' }, { showManagedFields: true })).toBe(MF_YAML_SHOWN);
    expect(printObject(MF, { kind: 'json' })).toBe(MF_JSON);
    expect(MF.metadata.managedFields).toHaveLength(1);
  });

  it('keeps managedFields for jsonpath', () => {
    expect(printObject(MF, parseOutputFormat('jsonpath={.metadata.managedFields}', LABEL_ALLOWED))).toBe(
      '[{"manager":"m"}]',
    );
  });

  it.each(PODS_JSONPATH)('jsonpath %s', (template, asJSON, want) => {
    const format = parseOutputFormat(`${asJSON ? 'jsonpath-as-json' : 'jsonpath'}=${template}`, GET_ALLOWED);
    expect(printObject(PODS, format)).toBe(want);
  });

  it('prints a list through the name printer', () => {
    expect(printObject(PODS, { kind: 'name' })).toBe(PODS_NAME);
  });
});
