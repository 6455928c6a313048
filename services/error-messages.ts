/**
 * The `message` of the errors services throw, in Chinese: the API sends it
 * as is (`{"error": {"code", "message", "details"}}`) and a mini-program may
 * show it to the founder. `code` is what clients branch on; `details` name
 * the field and stay terse.
 */
export const errorMessages = {
  founderNotFound: '账号不存在或已删除',
  assessmentNotFound: '没有找到这次测评',
  assessmentBusy: '这次测评正在被同时修改，请稍后再试',
  policyNotFound: (id: string) => `没有找到政策 ${id}`,
  unknownPolicy: '没有这项政策',
  unknownPolicyOrFact: '没有这项政策或这个问题',
  unknownFact: (fact: string) => `没有这个问题：${fact}`,
  unknownTopic: (topic: string) => `没有与“${topic}”相关的政策`,
  unknownOption: (label: string) => `${label}不在可选范围内`,
  nothingToGoBack: '已经是第一题了',
  windowNotFound: '没有找到这次申报期',
  tooManyTemplates: (max: number) => `一项订阅最多记录 ${max} 个消息模板`,
} as const;
