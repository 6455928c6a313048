/**
 * Every Chinese sentence the API sends to founders, in one place, so the
 * wording can be reviewed (and one day translated) without reading handlers.
 */
export const messages = {
  loginRequired: '请先登录（缺少或无效的会话令牌）',
  sessionExpired: '登录已过期，请重新登录',
  founderGone: '账号不存在或已删除，请重新登录',
  loginCodeInvalid: '登录凭证无效或已过期，请在小程序中重新登录',
  loginBlocked: '微信暂时不允许该账号登录，请稍后再试',
  loginUnavailable: '微信登录尚未配置（缺少 WECHAT_APPID / WECHAT_SECRET）',
  wechatUnreachable: '暂时无法连接微信服务器，请稍后再试',
  wechatTimeout: '微信服务器响应超时，请稍后再试',
  wechatFailed: (errcode: number) => `微信登录失败（错误码 ${errcode}），请稍后再试`,
  adminTokenRequired: '需要管理员令牌',
  adminDisabled: '管理接口未启用（未配置 ADMIN_TOKEN）',
  rateLimited: '请求过于频繁，请稍后再试',
  invalidInput: '请求内容不符合要求',
  policyNotFound: (id: string) => `没有找到政策 ${id}`,
  assessmentNotFound: '没有找到这次测评',
  unknownTopic: (topic: string) => `没有与“${topic}”相关的政策`,
  unknownFact: (fact: string) => `没有这个问题：${fact}`,
  nothingToGoBack: '已经是第一题了',
  rollingWindow: '常年受理',
  calendarName: '创业政策申报截止日',
  deadlineSummary: (title: string) => `申报截止：${title}`,
  deadlineOpens: (date: string) => `申报开始：${date}`,
  deadlineBenefit: (text: string) => `可获得：${text}`,
  deadlineApply: (url: string) => `申报入口：${url}`,
  deadlineAlarm: (title: string) => `${title} 将在 7 天后截止申报`,
} as const;
