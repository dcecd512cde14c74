/**
 * The problem messages in plain Chinese, for the people who write the feed: what is wrong, what is
 * expected, and what the box does about it. One entry per kind of problemKinds.ts.
 */
import type { ProblemWording, ValueType } from './problemKinds'

const TYPE: Record<ValueType | 'array' | 'object', string> = {
  string: '文字（字符串，加英文双引号）',
  number: '数字（不加引号）',
  boolean: '布尔值 true 或 false（不加引号）',
  array: '列表 [ … ]',
  object: '对象 { … }',
  null: '空值 null',
  bigint: '整数',
  date: '日期',
}

const either = (choices: string[]): string => choices.join('、')

export const PROBLEM_WORDING_ZH: ProblemWording = {
  pathSeparator: '：',
  messages: {
    'not-json': ({ got }) => `不是有效的 JSON（${got}）。常见原因：中文引号“”、多余或缺少逗号、缺少括号`,
    'too-large': ({ limit, got }) =>
      `文件太大（${got} 个字符），最多 ${limit} 个字符，机顶盒不会读取。请拆分内容或删去多余部分`,
    'version-missing': ({ expected }) => `缺少 schemaVersion，应为 ${expected}`,
    'version-unsupported': ({ expected, got }) => `版本不受支持，应为 ${expected}，实际为 ${got}`,
    'too-many-items': ({ limit, got }) => `条目太多，最多 ${limit} 条，实际 ${got} 条`,
    'duplicate-id': ({ got }) => `编号 ${got} 重复，每条的 id 必须不同`,
    'bad-id': ({ got }) => `编号格式不对，只能用英文字母、数字和 _ . -，以字母或数字开头，最多 64 个字符，实际为 ${got}`,
    'bad-timestamp': ({ got, example }) => `时间格式不对，应为带时区的 ISO 8601，如 ${example}，实际为 ${got}`,
    'bad-http-url': ({ got }) => `网址不对，应为 http:// 或 https:// 开头的完整网址，实际为 ${got}`,
    'bad-phone': ({ got }) => `电话号码格式不对，只能用数字、空格和 + - ( )，3 到 24 位，如 0735-6201234，实际为 ${got}`,
    'bad-region-code': ({ got }) => `地区编码不对，应为 6 到 12 位数字的行政区划代码，如 "431025"，实际为 ${got}`,
    'bad-application-no': ({ got }) => `办件编号格式不对，应为 4 到 32 位字母、数字或 -，实际为 ${got}`,
    'bad-initials': ({ got }) => `拼音首字母格式不对，只能用小写英文字母，1 到 120 个，实际为 ${got}。可用 npm run faq-initials 自动生成`,
    'initials-missing': ({ expected }) =>
      `缺少拼音首字母 initials，应为 "${expected}"：机顶盒用数字键搜不到这个问题。可用 npm run faq-initials 自动补上`,
    'initials-mismatch': ({ got, expected }) =>
      `拼音首字母 ${got} 与问题不符，应为 "${expected}"：按数字键搜索时会找错。可用 npm run faq-initials 自动改正`,
    'bad-page-no': ({ got }) => `页码应为 3 位数字（加引号），如 "101"，实际为 ${got}`,
    'duplicate-page-no': ({ got, owner }) =>
      `页码 ${got} 已经给了 ${owner}，每个页码只能对应一条：这一条照常显示，但输入 ${got} 不会打开它`,
    'unknown-item': ({ got, list }) => `专题里的 ${got} 在索引的 ${list} 里找不到：这一项不显示，专题其余照常`,
    'duplicate-option': ({ got }) => `选项编号 ${got} 在这次调查里重复，每个选项的 id 必须不同`,
    'closes-before-opens': ({ got, opensAt }) => `结束时间 ${got} 不晚于开始时间 ${opensAt}，这次调查没有人能参加`,
    'missing-detail': ({ got }) => `缺少详情文件 ${got}，机顶盒打开这一条时会提示找不到内容`,
    'id-mismatch': ({ got, expected }) => `文件名与 id 不一致：id 为 ${got}，文件名应为 ${expected}`,
    'region-mismatch': ({ got, expected }) =>
      `地区编码 ${got} 与所在文件夹 ${expected} 不一致：机顶盒不采用这个文件，继续显示上一次的内容`,
    'list-all-dropped': () => '这一组的条目全部被跳过，一条不剩：已有内容的机顶盒不采用这个文件，继续显示上一次的内容',
    'list-emptied': ({ held }) => `这一组原有 ${held} 条，新文件里一条也没有：机顶盒不采用这个文件，继续显示上一次的内容`,
    'older-than-held': ({ generatedAt, held }) =>
      `生成时间 ${generatedAt} 早于机顶盒已有的 ${held}：机顶盒不采用这个旧文件，继续显示已有的内容`,
    orphan: ({ got }) => `索引里没有这一条，或索引里的这一条有问题被跳过（${got}），机顶盒不会显示它`,
    'unknown-document': () => '看不出是哪种文件（索引、通知详情、办事指南还是常见问题），请用 --kind index|notice|guide|faq-topic|faq-search|faq-entry 指定',
    'missing-field': ({ field }) => `缺少必填字段 ${field}`,
    'not-object': ({ got }) => `应为${TYPE.object}，实际为 ${got}`,
    'missing-list': () => '缺少必填的列表',
    'not-list': ({ got }) => `应为${TYPE.array}，实际为 ${got}`,
    'missing-value': ({ type }) => `缺少必填字段，应为${TYPE[type]}`,
    'wrong-type': ({ type, got }) => `类型不对，应为${TYPE[type]}，实际为 ${got}`,
    'missing-choice': ({ choices }) => `缺少必填字段，应为 ${either(choices)} 之一`,
    'wrong-choice': ({ choices, got }) => `取值不对，应为 ${either(choices)} 之一，实际为 ${got}`,
    'missing-block-type': ({ choices }) => `缺少 type，应为 ${either(choices)} 之一`,
    'wrong-block-type': ({ choices, got }) => `type 不对，应为 ${either(choices)} 之一，实际为 ${got}`,
    'wrong-value': ({ expected, got }) => `取值不对，应为 ${expected}，实际为 ${got}`,
    'text-too-long': ({ limit, got }) => `文字太长，最多 ${limit} 个字，实际 ${got} 个字`,
    'too-few-items': ({ limit, got }) => `列表不能少于 ${limit} 条，实际 ${got} 条`,
    'empty-text': () => '不能为空（去掉 HTML 标签和空白后没有文字）',
    'text-too-short': ({ limit, got }) => `文字太短，至少 ${limit} 个字，实际 ${got} 个字`,
    'wrong-length': ({ limit, got }) => `长度不对，应为 ${limit}，实际为 ${got}`,
    empty: () => '不能为空',
    'number-too-large': ({ limit, got }) => `数值太大，最大为 ${limit}，实际为 ${got}`,
    'number-too-small': ({ limit, got }) => `数值太小，最小为 ${limit}，实际为 ${got}`,
    'not-integer': ({ got }) => `应为整数，实际为 ${got}`,
    'not-multiple': ({ limit, got }) => `应为 ${limit} 的倍数，实际为 ${got}`,
    'bad-url': ({ got }) => `网址不对，实际为 ${got}`,
    'bad-format': ({ got }) => `格式不对，实际为 ${got}`,
    unrecognised: ({ rawKind, got }) => `不符合要求（${rawKind}），实际为 ${got}`,
    'unrecognised-expecting': ({ rawKind, expected, got }) => `不符合要求（${rawKind}），应为 ${expected}，实际为 ${got}`,
  },
  consequences: {
    none: '',
    'file-rejected': '（整个文件不被采用，机顶盒继续显示上一次的内容）',
    'excess-skipped': '（超出部分不显示）',
    'later-skipped': '（后出现的一条不显示）',
    'list-skipped': '（这一组不显示）',
    'item-skipped': '（这一条不显示，其余照常）',
  },
}
