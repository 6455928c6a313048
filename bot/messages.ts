/**
 * Every Chinese word the bot says or listens for, in one place (simplified;
 * traditional is derived by bot/chinese-script). Policy facts never live here:
 * they come from content through the rules engine.
 */

/** Words that trigger commands, matched after spaces and punctuation are removed. */
export const COMMANDS = {
  help: ['帮助', '菜单', '功能', 'help', 'menu', '?', '？', '你好', '您好', 'hi', 'hello', '在吗'],
  start: ['开始测评', '开始', '测评', '开始评估', '评估', '开始检测'],
  skip: [
    '跳过',
    '不知道',
    '不清楚',
    '不确定',
    '不记得',
    '不好说',
    '说不清',
    '略过',
    '下一题',
    'pass',
    'skip',
    // Declining is skipping: the fact stays unknown and is not asked again.
    '不想说',
    '不想回答',
    '不回答',
    '不回答了',
    '不方便说',
    '不方便透露',
    '不愿透露',
    '保密',
    '不告诉你',
    '无可奉告',
  ],
  back: ['上一题', '返回', '上一步', '回退', '返回上一题'],
  restart: ['重新开始', '重来', '重新测评', '从头开始'],
  quit: ['退出', '结束', '退出测评', '结束测评', '取消', '暂停'],
  results: ['结果', '查看结果', '看结果', '测评结果', '我的结果'],
  details: ['详细', '详细结果', '全部结果', '全部条件', '查看详细', '详情', '完整结果', '看详细'],
  why: [
    '为什么',
    '为什么不符合',
    '为啥',
    '为啥不符合',
    '为什么不行',
    '原因',
    '为什么不能申请',
    '为什么不可以',
    '什么原因',
  ],
  profile: ['我的资料', '我的信息', '我的答案', '查看资料'],
  erase: ['删除我的数据', '删除数据', '删除我的资料', '删除我的信息', '注销'],
  confirmErase: ['确认删除', '确认', '确定删除'],
  unsubscribe: ['退订', '取消订阅', '取消提醒', '退订提醒', '退订全部', '全部退订', '取消全部提醒', '退订所有'],
  reminders: ['我的提醒', '查看订阅', '我的订阅', '查看提醒', '提醒列表', '订阅列表'],
  // Answers to the reminders' follow-up "您提交申请了吗？": whole phrases only, never a bare 是/没有 an assessment needs.
  applied: [
    '已申请',
    '已申请了',
    '申请了',
    '已经申请',
    '已经申请了',
    '我申请了',
    '申请过了',
    '已提交',
    '提交了',
    '已经提交了',
  ],
  notApplied: [
    '未申请',
    '没申请',
    '没有申请',
    '还没申请',
    '还没有申请',
    '还未申请',
    '我没申请',
    '未提交',
    '没提交',
    '还没提交',
  ],
  applications: ['我的申请', '申请记录', '我的申请记录', '查看申请记录'],
} as const;

/** Commands with arguments: a prefix, then free words. */
export const PREFIXES = {
  /** "修改 职工人数": one stored answer asked again. */
  edit: ['修改', '更改', '更正', '改一下'],
  // "提醒我 高企" is how founders ask for a reminder, as often as "订阅".
  subscribe: ['订阅提醒', '提醒我', '订阅'],
  /** "退订 高企", "取消提醒 创新券": one policy's reminders end. */
  unsubscribe: ['退订', '取消提醒', '取消订阅'],
  incubators: ['推荐孵化器', '孵化器推荐', '找孵化器', '推荐孵化', '孵化器'],
  /** "测评落户", "开始测评资金"; the topic follows. */
  topicBefore: ['开始测评', '帮我测评', '帮我评估', '帮我测一下', '请帮我测评', '测评', '评估'],
  /** "创新券测评"; the topic comes first. */
  topicAfter: ['测评', '评估'],
} as const;

/**
 * How founders ask what they could apply for, in their own words ("我能申请哪些补贴",
 * "有哪些适合我的政策", "我们公司可以享受什么政策"): the answer is an assessment.
 * A question about one named policy ("我能申请高企吗") names no "what/which", so it
 * stays a policy question.
 */
export const WHAT_FITS_ME = [
  /(我|我们|我司|本公司|公司|团队).{0,6}(能|可以|可|符合|适合|够).{0,6}(什么|哪些|哪个|哪几个|啥)/,
  /(适合|符合)(我|我们|本公司|我司)(的|条件)/,
  // Alone: "帮我看看高企" is about 高企.
  /^(帮我|给我)(看看|查查|查一下|看一下|匹配|匹配一下|测一下|评估一下)(吧)?$/,
];

/**
 * "帮我找个孵化器，徐汇的，做医疗器械", "徐汇有哪些孵化器": the incubator word with a
 * word of looking for one. Without that word ("入驻孵化器有什么补贴") it is a policy question.
 */
export const INCUBATOR_NOUNS = /孵化器|众创空间|孵化基地|孵化载体|大学科技园|加速器/;
export const LOOKING_FOR = /找|推荐|有没有|有哪些|哪些|哪里|哪家|哪个|介绍|想进|想入驻|入驻哪/;
/** Filler around the district and industry in such a message, removed before reading them. */
export const INCUBATOR_FILLER =
  /孵化器|众创空间|孵化基地|孵化载体|大学科技园|加速器|帮我|给我|请|推荐|介绍|找|有没有|有哪些|哪些|哪里|哪家|哪个|一下|一个|几个|想进|想入驻|入驻|附近|做|的|个|在|吗|呢|有|好/g;

/** "高企什么时候截止", "创新券申报时间": the founder asks when, not everything. */
export const WHEN = /什么时候|何时|几时|几号|哪天|截止|截至|申报时间|申请时间|deadline/i;

/** Phrasing around a policy question, removed before searching ("创新券怎么申请" → 创新券). */
export const QUESTION_WORDS = [
  // Asking when: answered with the window alone (see WHEN).
  '什么时候截止',
  '什么时候开始',
  '什么时候',
  '何时',
  '截止时间',
  '截止日期',
  '截止',
  '申报时间',
  '申请时间',
  '几号',
  '怎么申请',
  '如何申请',
  '怎样申请',
  '申请条件',
  '申报条件',
  '什么条件',
  '有什么条件',
  '的条件',
  '条件',
  '怎么办理',
  '如何办理',
  '怎么办',
  '是什么',
  '有哪些',
  '介绍一下',
  '介绍',
  '政策',
  '详情',
  '申请',
  '申报',
  '能不能',
  '可以吗',
  '吗',
  '呢',
  '请问',
  '我想了解',
  '了解一下',
  '了解',
  '一下',
];

export const text = {
  // Layout shared by every reply.
  paren: (main: string, aside: string) => `${main}（${aside}）`,
  bullet: (line: string) => `· ${line}`,
  bracketTitle: (title: string) => `【${title}】`,
  quotedTitle: (title: string) => `「${title}」`,
  labelled: (label: string, value: string) => `${label}：${value}`,
  welcome: '你好，我是创业政策向导，帮上海的创业者找到能申请的政府支持。',
  menu: [
    '我可以：',
    '1. 回复“开始测评”：回答几个问题，看看能申请哪些政策（也可“测评落户”“测评资金”“创新券测评”）；也可以直接说说你的公司，如“我们2023年3月在浦东注册，现在12个人”',
    '2. 直接问政策：如“创新券怎么申请”“高企条件”“落户”',
    '3. 回复“推荐孵化器”（可加区或行业，如“推荐孵化器 浦东 人工智能”）',
    '4. “提醒我 高企”/“订阅提醒”：申报截止前提醒你；“我的提醒”查看，“退订 高企”或“退订全部”取消',
    '5. “我的资料”查看回答，“修改 职工人数”改其中一项，“删除我的数据”删除全部资料',
    '6. “我的申请”查看申请记录（截止后我会问你是否申请了）',
  ].join('\n'),
  fallback: (said: string) =>
    `抱歉，我没听懂“${said.slice(0, 20)}”。回复“帮助”看看我能做什么，或直接问政策名称，如“高企条件”。`,
  english:
    'Hi! I am founder-guide, a chat assistant that helps startup founders in Shanghai find government support (subsidies, talent hukou, certifications, incubators) and reminds them of deadlines. I work in Chinese for now: reply "开始测评" to start a short assessment, or "帮助" for the menu.',
  sorry: '抱歉，出了点问题，请稍后再试。你之前的回答都还在。',
  busy: '消息有点多，我还在处理上一条，请稍等再发。',
  nonText: '我暂时只能看懂文字消息，请用文字告诉我。回复“帮助”查看我能做什么。',
  greetingForNewFriend: '你好，我是创业政策向导！回复“开始测评”看看你能申请哪些政策，或回复“帮助”查看全部功能。',
  stateReset: '抱歉，系统刚刚升级，之前的对话进度没能保留（你的回答还在）。回复“开始测评”继续。',
  noContent: '政策资料正在更新，请稍后再试。',

  assessmentIntro: (topic: string | null, known: number) =>
    [
      topic ? `好的，我们来测评“${topic}”相关的政策。` : '好的，我们开始测评。',
      known > 0 ? `你之前已经回答过 ${known} 项，我只问还需要的问题（回复“重新开始”可从头来）。` : '',
      '随时可以回复“跳过”“上一题”“重新开始”或“退出”。',
    ]
      .filter(Boolean)
      .join('\n'),
  unknownTopic: (topic: string) =>
    `没有找到和“${topic}”相关的政策。可以试试“测评落户”“测评资金”，或直接回复“开始测评”。`,
  // The count is an upper bound (every fact an open verdict still misses): answers usually settle several at once.
  progress: (number: number, remaining: number) =>
    remaining > 0 ? `第 ${number} 题，预计最多还有 ${remaining} 题` : `第 ${number} 题，可能是最后一题`,
  previousAnswer: (value: string) => `（你之前的回答：${value}）`,
  optionLine: (index: number, label: string) => `${index}. ${label}`,
  optionsHint: '回复序号或名称即可。',
  booleanHint: '回复“是”或“否”；不清楚可回复“跳过”。',
  example: (example: string) => `例如：${example}`,
  unitHint: (unit: string) => `单位：${unit}`,
  notUnderstood: '没看懂这个回答，',
  exactNumberPlease: '要和门槛比较，需要一个具体的数（估个大概也行），',
  outOfRange: (reason: string) => `这个数值不太对（${reason}），`,
  askAgain: '请再回答一次（或回复“跳过”）：',
  skipped: '好的，跳过这题。',
  /** After a few skips in a row: a founder who knows little should not feel stuck. */
  skippedSeveral: '好的，跳过这题。不清楚的都可以跳过；想先看看目前的结论，随时回复“结果”。',
  firstQuestion: '已经是第一题了。',
  noAssessment: '现在没有进行中的测评。回复“开始测评”开始。',
  restarted: '已清空你之前的回答，我们从头开始。',
  restartConfirm: '重新开始会清空你之前的全部回答（订阅和申请记录保留）。确定吗？回复“是”确认，回复其他内容取消。',
  restartCancelled: '好的，不重新开始，你的回答都还在。',
  quit: '已退出测评，你的回答都保存了。回复“开始测评”可以继续，回复“结果”查看目前的结果。',
  goodNews: (titles: string[]) => `好消息：你已符合「${titles.join('」「')}」。继续回答还能看到更多结果。`,
  goodNewsToCheck: (titles: string[]) =>
    `可能的好消息：按你的回答，「${titles.join('」「')}」我们能核对的条件你都满足，但还有几项条件需要你自己核实（资料不全或来源不够确定），结果里会列出。`,
  askingForNearMiss: (titles: string[]) =>
    `「${titles.join('」「')}」暂不符合，但可能只差一点：再问几个问题，看看差多少。`,
  assessingReminder: '（测评还在进行，回答下面的问题就能继续）',
  understood: (items: string[], editHint: string) => `记下了：${items.join('、')}。说错了回复“修改 ${editHint}”。`,
  conflictPlease: '你提到了两个不同的数，以哪个为准？',
  confirmDecimal: (said: string, value: string) => `你说的 ${said} 是指 ${value} 吗？回复“是”，或直接告诉我正确的数。`,
  confirmUpperBound: (said: string, value: string) =>
    `“${said}”我先按 ${value} 记（排名在这个名次以内，就满足这个名次的门槛），对吗？回复“是”，或告诉我具体名次。`,
  correctValuePlease: '好的，请告诉我正确的数，',
  rangeNotOne: '这是一个范围，要和门槛比较需要一个数（取你最有把握的那个）。',
  monthPlease: (year: number) => `你说的是 ${year} 年，几月呢？例如“${year}年3月”。`,

  resultsTitle: (answered: number) => `测评完成，共回答 ${answered} 题。结果如下：`,
  resultsReady: '根据你的资料，结果如下：',
  resultsInterim: '目前的结果如下（还有问题没回答，回复“开始测评”继续）：',
  noResults: '暂时没有匹配的结果。回复“开始测评”回答几个问题试试。',
  eligibleHeader: '【可以申请】',
  maybeHeader: '【可能符合，还差几项信息】',
  nearMissHeader: '【差一点就能申请】',
  notNeededHeader: '【不需要办理】',
  notEligibleHeader: '【暂不符合】',
  goodNewsToCheckHeader: '【条件都满足，还需自行核实】',
  failed: (reason: string) => `原因：${reason}`,
  shortEntry: (index: number, title: string, benefit: string, window: string) =>
    `${index}. ${title}：${benefit}（申报：${window}）`,
  shortToCheck: (index: number, title: string, count: number) => `${index}. ${title}（另有 ${count} 项条件需自行核实）`,
  restOfResults: (hidden: { eligible: number; maybe: number; nearMisses: number; notEligible: number }) => {
    const parts = [
      hidden.eligible > 0 ? `${hidden.eligible} 项可以申请或待核实` : '',
      hidden.maybe > 0 ? `${hidden.maybe} 项可能符合（还缺信息或需核实）` : '',
      hidden.nearMisses > 0 ? `${hidden.nearMisses} 项差一点` : '',
      hidden.notEligible > 0 ? `${hidden.notEligible} 项暂不符合` : '',
    ].filter(Boolean);
    return parts.length > 0 ? `另有 ${parts.join('、')}。回复“详细”查看全部结果和原因。` : '';
  },
  whyNothing: '最近没有给出结论的政策。回复政策名称看条件，或回复“结果”看测评结果。',
  whyNotEligible: (title: string) => `「${title}」暂不符合，原因：`,
  whyMaybe: (title: string) => `「${title}」还不能确定：`,
  whyEligible: (title: string) => `「${title}」：按你的回答，全部条件都满足。`,
  whyNotInForce: (title: string, reason: string) => `「${title}」：${reason}`,
  summaryVerified: (date: string) => `信息核实于 ${date} 或之后；各项来源见“详细”。`,
  afterResultsShort: '回复“为什么”看不符合的原因，“订阅提醒”截止前提醒你。',
  notInForceHeader: '【该日期不在有效期内】',
  ladderHeader: '【资质阶梯：科小 → 高企 → 专精特新 → 小巨人】',
  rungStates: {
    held: '已具备',
    eligible: '可以申请',
    maybe: '可能符合',
    not_eligible: '暂不符合',
    unavailable: '暂不适用',
  } as Record<string, string>,
  nextRung: (title: string, needs: string[]) =>
    needs.length > 0 ? `下一步：${title}。${needs.join('；')}` : `下一步：${title}`,
  benefit: (description: string) => `优惠：${description}`,
  window: (text: string) => `申报时间：${text}`,
  windowRange: (opens: string | undefined, closes: string | undefined) =>
    opens && closes ? `${opens} 至 ${closes}` : closes ? `截止 ${closes}` : `${opens} 起`,
  windowRolling: '常年受理',
  windowUnknown: '以当年通知为准',
  nearMissJoin: '，并且',
  stillNeeded: (labels: string[]) => `还需确认：${labels.join('、')}`,
  /** Conditions we do not evaluate: the first in full, then how many more. */
  toCheck: (items: readonly string[]) =>
    `还需自行核实：${items[0]}${items.length > 1 ? `（另有 ${items.length - 1} 项，发送政策名称查看）` : ''}`,
  /** The engine's explanation ends in "即可": "研发费用占比提高到 4% 即可" + "申请「…」". */
  nearMiss: (explanation: string, title: string) => `${explanation}申请「${title}」`,
  notEligibleCount: (count: number) => `另有 ${count} 项政策暂不符合；直接问政策名称（如“高企条件”）可以看原因。`,
  source: (sources: string, verifiedAt: string) => `来源：${sources}；信息核实于 ${verifiedAt}`,
  afterResults: '回复“订阅提醒”在截止前收到提醒；回复政策名称看详情；回复“推荐孵化器”找孵化器。',

  policyNotFound: (query: string) => `没有找到和“${query}”有关的政策。回复“帮助”看看我能做什么。`,
  policyMany: (titles: string[]) => `找到 ${titles.length} 项相关政策：`,
  policyManyHint: '回复政策名称（如上面的名称或简称）查看条件和申请方法。',
  assessTopicHint: (topic: string) => `想知道哪一项适合你：回复“测评${topic}”，回答几个问题就知道。`,
  /** A reminder is offered only where there is a deadline to be reminded of. */
  whenHint: (name: string, remindable: boolean) =>
    `${remindable ? `回复“提醒我 ${name}”在截止前收到提醒；` : ''}回复“${name}条件”看条件和申请方法。`,
  policyAliases: (aliases: string[]) => `（又称：${aliases.join('、')}）`,
  summary: (summary: string) => `简介：${summary}`,
  criteriaHeader: '条件：',
  criteriaHeaderOneOf: '条件（满足以下其一即可）：',
  outlineIndent: '    ',
  /** A group of criteria: its label, and whether one part is enough (unless the label says so already). */
  outlineGroup: (label: string | null, mode: 'all' | 'any') =>
    mode === 'all'
      ? (label ?? '以下全部满足')
      : label && /或|其一|之一|至少/.test(label)
        ? label
        : `${label ?? '以下'}（满足其一即可）`,
  criterionLine: (mark: string, explanation: string) => `${mark} ${explanation}`,
  marks: { met: '✓', not_met: '✗', unknown: '·' } as Record<string, string>,
  caveatsHeader: '注意：',
  /** Hard conditions we do not evaluate: why the verdict is at most 可能符合. */
  toCheckHeader: '以下条件本服务未能核对，请自行确认：',
  howToApply: '怎么申请：',
  /** 免申即享: no application, the note says what the founder does instead. */
  noApplication: (note: string) => `怎么申请：无需申请（免申即享）。${note}`,
  materials: (materials: string[]) => `材料：${materials.join('、')}`,
  link: (url: string) => `网址：${url}`,
  yourStatus: (status: string) => `按你目前的资料：${status}`,
  statusWords: {
    eligible: '可以申请',
    maybe: '可能符合',
    not_eligible: '暂不符合',
    not_in_force: '该日期不在有效期内',
  } as Record<string, string>,

  incubatorsTitle: (filters: string[]) =>
    filters.length > 0 ? `为你推荐的孵化器（${filters.join(' · ')}）：` : '为你推荐的孵化器：',
  incubatorsNone: '没有找到合适的孵化器，换个区或行业试试，如“推荐孵化器 浦东”。',
  incubatorReasons: (reasons: string[]) => `理由：${reasons.join('；')}`,
  incubatorServices: (services: string[]) => `服务：${services.join('、')}`,
  incubatorAddress: (address: string) => `地址：${address}`,
  incubatorsHint: '补充区和行业能推荐得更准，如“推荐孵化器 闵行 集成电路”。',
  incubatorWordsUnread: (words: string) => `没认出“${words}”是哪个区或行业，先按你的资料推荐：`,

  subscribed: (what: string) => `已订阅${what}的申报提醒，截止前会通知你。回复“退订”可随时取消。`,
  subscribedAll: '所有符合或可能符合你的政策',
  subscribedRolling: '注意：这项政策常年受理、没有截止日，随时可以申请，所以不会有截止提醒。',
  subscribedNoWindowYet: '这项政策今年的申报时间还没公布；公布后我们更新资料，截止前就会提醒你。',
  subscribedWindowRule: (channel: string, hours: number) =>
    `注意：按微信的规定，${channel}只能在你最近一次给我们发消息后的 ${hours} 小时内主动发消息。提醒到期时若已超过 ${hours} 小时，会改从你用过的其他渠道（如小程序）发送；都没有时这次提醒就发不出去。临近截止时给我们发一句话，就能收到提醒。`,
  subscribeWhich: (titles: string[]) =>
    [`有 ${titles.length} 项政策对得上，请说要订阅哪一项：`, ...titles.map((title) => `· 订阅 ${title}`)].join('\n'),
  remindersTitle: (count: number) => `你订阅了 ${count} 项提醒：`,
  reminderLine: (what: string, next: string, channel: string) => `· ${what}：${next}（${channel}）`,
  reminderAll: '所有符合条件的政策',
  reminderAllNext: '各政策截止前提醒',
  remindersNone: '你还没有订阅提醒。回复“提醒我 高企”订阅一项，或“订阅提醒”订阅所有符合条件的政策。',
  remindersHint: '回复“退订 X”取消一项，“退订全部”取消全部。',
  noRemindersOnChannel: (channel: string) =>
    `${channel}里收不到提醒，所以没有订阅。请在微信里找我或在小程序里订阅，截止前会提醒你。`,
  unsubscribedOne: (title: string, count: number) =>
    count > 0 ? `已退订「${title}」的提醒。` : `你没有订阅「${title}」的提醒。回复“我的提醒”查看已订阅的。`,
  noDeadlineToRemind: (title: string) =>
    `「${title}」常年受理，没有截止日期，所以不会有截止提醒，我也没有为它订阅。随时可以申请。`,
  unsubscribed: (count: number) => (count > 0 ? '已退订，不会再给你发提醒。' : '你还没有订阅提醒。'),

  // The application tracker: the reminders ask after a deadline, the founder answers here.
  /** Titles come quoted (text.quotedTitle). */
  applicationRecorded: (title: string, applied: boolean) =>
    applied ? `已记录：你已申请${title}，祝申报顺利！` : `已记录：你没有申请${title}。`,
  applicationsStillAsked: (titles: string[]) =>
    `还有 ${titles.length} 项在等你回复：${titles.join('')}。再回复“已申请”或“未申请”会记入${titles[0]}。`,
  nothingToRecord: '现在没有等你回复的申请跟进（申报截止后我会问你是否申请了）。回复“我的申请”查看申请记录。',
  applicationsEmpty: '你还没有申请记录。订阅提醒后，政策截止申报几天后我会问你是否申请了，回答会记在这里。',
  applicationsTitle: (count: number) => `你的申请记录（${count} 项）：`,
  applicationStatus: { asked: '待回复', applied: '已申请', not_applied: '未申请' } as Record<string, string>,
  applicationsAskedHint: '待回复的请回复“已申请”或“未申请”（记入最近问你的一项）。',

  profileEmpty: '你还没有回答过问题。回复“开始测评”开始。',
  profileTitle: (count: number) => `你的资料（${count} 项）：`,
  profileHint: '想改某一项，回复“修改”加项目名，如“修改 职工人数”；回复“删除我的数据”删除全部资料。',
  editWhich: '要修改哪一项？回复“修改”加项目名，如“修改 职工人数”（回复“我的资料”看已填的项目）。',
  editUnknown: (words: string) => `没认出“${words}”是哪一项。回复“我的资料”看已填的项目，再回复“修改 项目名”。`,
  eraseConfirm:
    '确定要删除你的全部资料吗？包括回答、测评记录、对话和订阅提醒，删除后无法恢复。回复“确认删除”继续，回复其他内容取消。',
  erased: '已删除你的全部资料。如需再次使用，随时发消息给我。',
  eraseCancelled: '已取消，你的资料保留着。',
};

export type Messages = typeof text;
