/**
 * Every Chinese sentence the API sends to founders, in one place, so the
 * wording can be reviewed (and one day translated) without reading handlers.
 */
export const messages = {
  loginRequired: '请先登录（缺少或无效的会话令牌）',
  sessionExpired: '登录已过期，请重新登录',
  founderGone: '账号不存在或已删除，请重新登录',
  databaseUnavailable: '服务暂时无法访问数据库，请稍后再试',
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
  bodyNotJson: '请求内容不是有效的 JSON',
  bodyNotReadable: '无法读取请求内容',
  bodyNotTaken: (method: string) => `${method} 请求不接受请求内容；请把条件放在网址的查询参数里`,
  bodyMustBeJson: '请求内容须为 JSON（Content-Type: application/json）',
  bodyTooLarge: (limitBytes: number) => `请求内容超过 ${limitBytes} 字节的上限`,
  methodNotAllowed: '这个接口不支持该请求方法',
  noRoute: (method: string, path: string) => `没有这个接口：${method} ${path}`,
  rollingWindow: '常年受理',
  calendarName: '创业政策申报截止日',
  deadlineSummary: (title: string) => `申报截止：${title}`,
  deadlineOpens: (date: string) => `申报开始：${date}`,
  deadlineBenefit: (text: string) => `可获得：${text}`,
  deadlineApply: (url: string) => `申报入口：${url}`,
  deadlineAlarm: (title: string) => `${title} 将在 7 天后截止申报`,
} as const;
