//! One typed catalogue of the words people read in the app and the reports,
//! each in Chinese and English. Every message is a `Msg` variant written with
//! both texts, so a missing translation does not compile (it used to show "?"
//! at run time); labels of the core's enums are exhaustive matches to `Msg`.

use crate::content::raw::{Action, Lang, Mood, OrderStatus, Outcome};
use std::fmt::Display;

/// Declares `Msg` and its texts: `Name => ("中文", "English"),`, both required.
macro_rules! catalogue {
    ($($(#[$doc:meta])* $name:ident => ($zh:expr, $en:expr $(,)?),)*) => {
        /// A message a person reads; `get(lang)` gives its text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($(#[$doc])* $name,)* }

        impl Msg {
            /// Every message, for the catalogue's own tests.
            #[cfg(test)]
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Zh) => $zh, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

impl Msg {
    /// The message with its `{name}` placeholders filled in, in one pass: a
    /// value that itself holds `{name}` (a label an author wrote) stays as it is.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        let template = self.get(lang);
        let mut text = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| args.iter().find(|(name, _)| *name == &after[..close]).map(|(_, value)| (close, value)));
            match value {
                Some((close, value)) => {
                    text.push_str(&value.to_string());
                    rest = &after[close + 1..];
                }
                None => {
                    text.push('{');
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        text
    }
}

/// `t(lang, Msg::Send)`: the message's text, the short form screens use.
#[cfg_attr(not(feature = "gui"), allow(dead_code))] // only the app's screens use it
pub(crate) fn t(lang: Lang, msg: Msg) -> &'static str {
    msg.get(lang)
}

/// A duration as the catalogue or the policy writes it ("1 年", "6 月", "15 天",
/// "48 h", "3 days") in `lang`: "1 year", "48 hours" in English; "48 小时",
/// "3 天" in Chinese. Anything else is shown as written (a unit it does not
/// know is the author's to read).
pub(crate) fn duration(text: &str, lang: Lang) -> String {
    let mut parts = text.split_whitespace();
    let (Some(number), Some(unit), None) = (parts.next(), parts.next(), parts.next()) else { return text.to_string() };
    let Ok(amount) = number.parse::<f64>() else { return text.to_string() };
    let (zh, en) = match unit {
        "年" | "year" | "years" => ("年", "year"),
        "月" | "个月" | "month" | "months" => ("个月", "month"),
        "周" | "week" | "weeks" => ("周", "week"),
        "天" | "日" | "d" | "day" | "days" => ("天", "day"),
        "小时" | "h" | "hour" | "hours" => ("小时", "hour"),
        _ => return text.to_string(),
    };
    match lang {
        // Chinese as the author wrote it when it already was Chinese ("6 月" stays).
        Lang::Zh if !unit.is_ascii() => text.to_string(),
        Lang::Zh => format!("{number} {zh}"),
        Lang::En => format!("{number} {en}{}", if amount == 1.0 { "" } else { "s" }),
    }
}

/// An order action as the reader of `lang` reads it ("退款 89 元", "Refund ¥89"),
/// `item` naming a SKU for people. The transcript keeps the words of the
/// conversation's language; the app shows the action in the UI's.
#[cfg_attr(not(feature = "gui"), allow(dead_code))] // only the app's screens use it
pub(crate) fn action(action: &Action, lang: Lang, item: impl Fn(&str) -> String) -> String {
    let money = |amount: &f64| Msg::Yuan.fill(lang, &[("n", &crate::content::raw::trim_number(*amount))]);
    match action {
        Action::Refund { amount } => Msg::ActionRefund.fill(lang, &[("amount", &money(amount))]),
        Action::Resend { sku } => Msg::ActionResend.fill(lang, &[("item", &item(sku))]),
        Action::ChangeAddress { to } => Msg::ActionChangeAddress.fill(lang, &[("to", to)]),
        Action::Coupon { value } => Msg::ActionCoupon.fill(lang, &[("value", &money(value))]),
        Action::Discount { amount } => Msg::ActionDiscount.fill(lang, &[("amount", &money(amount))]),
        Action::Compensate { amount } => Msg::ActionCompensate.fill(lang, &[("amount", &money(amount))]),
        Action::CancelOrder => Msg::ActionCancelOrder.get(lang).to_string(),
        Action::Escalate => Msg::ActionEscalate.get(lang).to_string(),
    }
}

/// The unit of a typing drill in `drill` language, to be read in any UI language.
pub(crate) fn typing_unit(drill: Lang) -> Msg {
    match drill {
        Lang::Zh => Msg::UnitCharsPerMinute,
        Lang::En => Msg::UnitWordsPerMinute,
    }
}

/// How a buyer's mood is named on the briefing.
#[cfg_attr(not(feature = "gui"), allow(dead_code))] // only the app's screens use it
pub(crate) fn mood(mood: Mood) -> Msg {
    match mood {
        Mood::Calm => Msg::MoodCalm,
        Mood::Curious => Msg::MoodCurious,
        Mood::Hesitant => Msg::MoodHesitant,
        Mood::Impatient => Msg::MoodImpatient,
        Mood::Annoyed => Msg::MoodAnnoyed,
        Mood::Angry => Msg::MoodAngry,
        Mood::Furious => Msg::MoodFurious,
    }
}

/// How an order's status is named on the order panel.
#[cfg_attr(not(feature = "gui"), allow(dead_code))] // only the app's screens use it
pub(crate) fn order_status(status: OrderStatus) -> Msg {
    match status {
        OrderStatus::Unpaid => Msg::OrderUnpaid,
        OrderStatus::Paid => Msg::OrderPaid,
        OrderStatus::Shipped => Msg::OrderShipped,
        OrderStatus::Delivered => Msg::OrderDelivered,
        OrderStatus::Completed => Msg::OrderCompleted,
    }
}

/// How a conversation's outcome is named on the scorecard and in reports.
pub(crate) fn outcome(outcome: Outcome) -> Msg {
    match outcome {
        Outcome::Converted => Msg::OutcomeConverted,
        Outcome::Resolved => Msg::OutcomeResolved,
        Outcome::Lost => Msg::OutcomeLost,
        Outcome::Escalated => Msg::OutcomeEscalated,
    }
}

catalogue! {
    App => ("客服训练器", "Kefu Trainer"),
    Trainee => ("学员", "Trainee"),
    TraineeId => ("工号", "Employee no."),
    /// The language switch names the language it switches to.
    SwitchLanguage => ("English", "中文"),
    Course => ("课程", "Course"),
    Difficulty => ("难度", "Difficulty"),
    Best => ("最好成绩", "Best"),
    Attempts => ("次数", "Attempts"),
    Start => ("开始", "Start"),
    Rush => ("高峰模式(3位买家)", "Rush mode (3 buyers)"),
    MyScorecards => ("我的成绩单", "My scorecards"),
    Problems => ("内容问题", "Content problems"),
    Resume => ("继续上次未完成的会话", "Resume the unfinished session"),
    Discard => ("放弃", "Discard"),
    Briefing => ("任务简报", "Briefing"),
    Goals => ("目标", "Goals"),
    BuyerMood => ("买家情绪", "Buyer's mood"),
    Back => ("返回", "Back"),
    Conversations => ("会话", "Conversations"),
    Waiting => ("等待", "waiting"),
    Ended => ("已结束", "ended"),
    Message => ("输入回复", "Reply"),
    TurnRuleTitle => ("怎样算一次回复", "How an answer works"),
    TurnRule => ("你发出消息并停止输入 {secs} 秒后,买家才读取并回复。在那之前可以继续补充:拆成几条短消息发、先点订单操作再打字解释,都算同一次回复。只点订单操作、不发消息,买家收不到任何回复。", "The buyer reads and answers once you have sent a message and then stopped typing for {secs} s. Until then you can keep adding: several short messages, or an order action and then its explanation, all count as one answer. An order action with no message tells the buyer nothing."),
    ReadsIn => ("买家 {secs} 秒后读取你的回复", "The buyer reads your answer in {secs} s"),
    ReadsWaiting => ("你正在输入,买家等你发完再读", "You are typing: the buyer waits until you finish"),
    EnterAmount => ("先填写大于 0 的金额", "Enter an amount above 0 first"),
    Send => ("发送", "Send"),
    EnterHint => ("Enter 发送,Shift+Enter 换行", "Enter sends, Shift+Enter adds a line"),
    QuickPhrases => ("常用语", "Quick phrases"),
    AddPhrase => ("添加常用语", "Add quick phrase"),
    NewPhrase => ("新常用语", "New quick phrase"),
    Product => ("商品", "Product"),
    Price => ("价格", "Price"),
    Stock => ("库存", "Stock"),
    Included => ("包含", "Included"),
    NotIncluded => ("不包含", "Not included"),
    SellingPoints => ("卖点", "Selling points"),
    Order => ("订单", "Order"),
    Status => ("状态", "Status"),
    Address => ("地址", "Address"),
    Tracking => ("物流", "Tracking"),
    NoOrder => ("没有订单", "No order"),
    Refund => ("退款", "Refund"),
    Resend => ("补发", "Resend"),
    Coupon => ("发优惠券", "Send coupon"),
    Discount => ("改价优惠", "Discount"),
    Compensate => ("补偿", "Compensate"),
    ChangeAddress => ("改地址", "Change address"),
    NewAddress => ("新地址", "New address"),
    Amount => ("金额", "Amount"),
    CancelOrder => ("取消订单", "Cancel order"),
    Escalate => ("转交主管", "Escalate"),
    ShopPolicy => ("店铺规则", "Shop policy"),
    ExplainCapitals => ("全大写英文像在吼人", "Writing in capitals reads as shouting"),
    CapitalsLabel => ("全大写", "Capitals"),
    ExplainUpsetMajor => ("买家已经不满,这样回复算严重问题", "The buyer is already upset, so this counts as a major fault"),
    PracticeSummary => ("{label}:共失 {lost} 分({times} 次)", "{label}: {lost} points lost ({times} times)"),
    PolicyReturns => ("退换货", "Returns"),
    PolicyNoReasonDays => ("签收后 {days} 天无理由退货", "Returns with no reason within {days} days of delivery"),
    PolicyBuyerPays => ("买家付退货运费:{reasons}", "The buyer pays return postage: {reasons}"),
    PolicyShopPays => ("店铺付退货运费:{reasons}", "The shop pays return postage: {reasons}"),
    PolicyInsurance => ("每单都有运费险", "Every order has return-shipping insurance"),
    PolicyRefundWithin => ("收到退货后 {within} 内退款", "Refund within {within} of receiving the return"),
    PolicyCancelRefundWithin => ("发货前取消的已付订单 {within} 内退款", "A paid order cancelled before shipping is refunded within {within}"),
    PolicyAgentMayGrant => ("客服权限(无需主管)", "What you may grant without a supervisor"),
    PolicyCoupons => ("优惠券:{values}", "Coupons: {values}"),
    PolicyMaxDiscount => ("未付款订单最多改价 {amount}", "Price cut on an unpaid order: up to {amount}"),
    PolicyMaxCompensation => ("补偿最多 {amount}", "Compensation: up to {amount}"),
    PolicyAboveLimit => ("超出以上额度请转交主管", "Anything more goes to a supervisor"),
    PolicyDispatch => ("发货", "Dispatch"),
    PolicyDispatchWithin => ("付款后 {within} 内发货", "Ships within {within} of payment"),
    PolicySameDayCutoff => ("{time} 前付款当天发出", "Paid before {time}: leaves the same day"),
    PolicyDefaultCourier => ("默认快递:{courier}", "Default courier: {courier}"),
    PolicyCouriers => ("快递", "Couriers"),
    PolicyCourierTransit => ("{courier}:一般 {transit} 送达", "{courier}: usually {transit}"),
    PolicyDoesNotReach => (";不到:{places}", "; does not reach {places}"),
    ReasonNoReason => ("无理由退货", "no reason (changed mind)"),
    ReasonWrongItem => ("发错货", "wrong item sent"),
    ReasonQualityProblem => ("质量问题", "quality problem"),
    ReasonDamagedInTransit => ("运输破损", "damaged in transit"),
    ReasonNotAsDescribed => ("描述不符", "not as described"),
    EndSession => ("结束会话", "End session"),
    Patience => ("耐心", "Patience"),
    Scorecard => ("成绩单", "Scorecard"),
    Total => ("总分", "Total"),
    Passed => ("合格", "PASS"),
    Failed => ("不合格", "FAIL"),
    /// A session the trainee ended before the buyer did: no pass, no fail.
    Abandoned => ("已中止", "ENDED EARLY"),
    /// The total of a session ended early: of the replies sent, not the whole conversation.
    PartialTotal => ("已答部分得分", "Score on the replies sent"),
    NoteEndedByTrainee => ("(学员结束了会话)", "(the trainee ended the session)"),
    NoteBuyerLeft => ("(买家等不及,离开了)", "(the buyer gave up waiting and left)"),
    TypingNote => ("(输入中 {secs} 秒,买家等待)", "(typing for {secs} s; the buyer waited)"),
    ReasonAbandoned => ("你提前结束了这次练习:不评合格或不合格,已答的回复照常评分", "You ended this session early: it is neither passed nor failed; the replies you sent are graded as usual"),
    ReasonTotalMet => ("总分 {total},达到合格线 {pass_mark}", "Total {total}, at or above the pass mark of {pass_mark}"),
    ReasonTotalBelow => ("总分 {total},低于合格线 {pass_mark}", "Total {total}, below the pass mark of {pass_mark}"),
    ReasonCritical => ("关键项不合格:{label}(一票否决)", "Critical failure: {label} (fails the session on its own)"),
    ReasonOutcome => ("买家结果:{outcome}", "Outcome: {outcome}"),
    ReasonOutcomeNotMet => ("买家结果:{outcome}(需要成交或解决问题才算合格)", "Outcome: {outcome} (a pass needs the buyer converted or the problem resolved)"),
    DimensionAccuracy => ("产品准确", "Product accuracy"),
    DimensionSteps => ("服务步骤", "Service steps"),
    DimensionTone => ("语气", "Tone"),
    DimensionSpeed => ("响应速度", "Speed"),
    DimensionActions => ("订单操作", "Order actions"),
    DimensionRules => ("平台规则", "Platform rules"),
    Kpis => ("考核指标", "KPIs"),
    Dimensions => ("各项得分", "Score by dimension"),
    PractiseNext => ("接下来练什么(失分最多的)", "Practise next (where you lost the most points)"),
    Practise => ("练习", "Practise"),
    ModelAnswer => ("参考答案(示范对话)", "Model answer (a worked conversation)"),
    ModelAnswerNote => ("这是本场景的示范对话,合格,总分", "A worked conversation for this scenario, passed with a total of"),
    CriticalCondition => ("本场景的关键要求", "a critical requirement of this scenario"),
    Transcript => ("对话记录", "Transcript"),
    Retry => ("再练一次", "Retry"),
    Home => ("首页", "Home"),
    Export => ("导出", "Export"),
    Exported => ("已导出到", "Exported to"),
    Saved => ("成绩单已保存", "Scorecard saved"),
    NoScorecards => ("还没有成绩单", "No scorecards yet"),
    Open => ("打开", "Open"),
    Critical => ("关键项不合格", "Critical failure"),
    NameHint => ("姓名", "your name"),
    Quiz => ("练习测验", "Practice quiz"),
    Exam => ("模拟考试(20题,30分钟)", "Mock exam (20 questions, 30 min)"),
    Review => ("复习到期的题目", "Review due questions"),
    Typing => ("打字练习", "Typing drill"),
    Question => ("第", "Question"),
    Submit => ("提交答案", "Submit"),
    Next => ("下一题", "Next"),
    Answer => ("你的答案", "Your answer"),
    True => ("对", "True"),
    False => ("错", "False"),
    TimeLeft => ("剩余时间", "Time left"),
    Score => ("得分", "Score"),
    PassMark => ("合格线", "pass mark"),
    Right => ("答对了", "Right"),
    Wrong => ("答错了", "Wrong"),
    RightAnswer => ("正确答案", "Right answer"),
    YourAnswer => ("你的作答", "You answered"),
    ConfirmHandIn => ("还有 {n} 题未作答,交卷后不能再改。确定交卷吗?", "{n} questions are unanswered, and a handed-in quiz is final. Hand in now?"),
    HandInNow => ("确定交卷", "Hand in now"),
    KeepAnswering => ("继续作答", "Keep answering"),
    PracticeFrom => ("题库:", "from:"),
    AllBanks => ("全部题库", "All banks"),
    GeneratedBank => ("商品与店铺政策(按商品库自动出题)", "Products and shop policy (generated)"),
    ResumeExam => ("继续未交卷的考试", "Resume the exam in progress"),
    NoQuestions => ("没有可出的题目(题库里没有这种语言的题,或复习的题已从题库删除)", "No questions to ask (no bank in this language, or the due questions were removed)"),
    Unanswered => ("未作答", "Not answered"),
    TimeUp => ("时间到,已自动交卷", "Time up: handed in"),
    NotSaved => ("成绩单未能保存", "Scorecard not saved"),
    FinishQuiz => ("交卷", "Hand in"),
    Done => ("完成", "Done"),
    Speed => ("速度", "Speed"),
    Accuracy => ("准确率", "Accuracy"),
    // English typing speed is in words per minute (WPM), a word being 5
    // characters as typing tests count it (quiz::typing::CHARS_PER_WORD).
    PersonalBest => ("个人最佳(字/分)", "Personal best (WPM)"),
    PhraseToCopy => ("照着输入这句话:", "Type this phrase:"),
    Sku => ("款式", "SKU"),
    CouponValue => ("面额", "value"),
    IdHint => ("工号", "employee no."),
    Buyer => ("买家", "Buyer"),
    Agent => ("客服", "Agent"),
    Nudge => ("催促", "nudge"),
    Action => ("操作", "action"),
    MoodCalm => ("平静", "calm"),
    MoodCurious => ("好奇", "curious"),
    MoodHesitant => ("犹豫", "hesitant"),
    MoodImpatient => ("着急", "impatient"),
    MoodAnnoyed => ("不满", "annoyed"),
    MoodAngry => ("生气", "angry"),
    MoodFurious => ("暴怒", "furious"),
    OrderUnpaid => ("待付款", "unpaid"),
    OrderPaid => ("已付款,待发货", "paid, not shipped"),
    OrderShipped => ("已发货", "shipped"),
    OrderDelivered => ("已签收", "delivered"),
    OrderCompleted => ("交易成功", "completed"),
    OutcomeConverted => ("已成交", "converted"),
    OutcomeResolved => ("已解决", "resolved"),
    OutcomeLost => ("买家流失", "lost"),
    OutcomeEscalated => ("升级投诉", "escalated"),
    CannotResume => ("无法继续上次未完成的会话", "The unfinished session cannot be resumed"),
    CannotResumeExam => ("无法继续未交卷的考试", "The exam in progress cannot be resumed"),
    CannotStart => ("无法开始", "Cannot start"),
    CannotOpen => ("无法打开", "Cannot open"),
    AutosaveFailed => ("自动保存失败", "Autosave failed"),
    SettingsNotSaved => ("设置未能保存", "Settings not saved"),
    ReviewNotSaved => ("复习进度未能保存", "Review progress not saved"),
    ExamNotSaved => ("考试进度未能保存", "Exam progress not saved"),
    ExportFailed => ("导出失败", "Export failed"),
    NotDone => ("未能执行", "Not done"),
    Remove => ("删除", "Remove"),
    Capacity => ("容量", "Capacity"),
    Material => ("材质", "Material"),
    Size => ("尺寸", "Size"),
    Weight => ("重量", "Weight"),
    ShipsFrom => ("发货地", "Ships from"),
    Dispatch => ("发货时间", "Dispatch"),
    Warranty => ("保修", "Warranty"),
    PerMinute => ("字/分", "WPM"),
    /// A Chinese drill's unit, in either UI language.
    CohortTypingBest => ("打字最好成绩", "Best typing"),
    UnitCharsPerMinute => ("字/分", "Chinese chars/min"),
    /// An English drill's unit (words of five characters), in either UI language.
    UnitWordsPerMinute => ("英文词/分", "WPM"),
    OrderNo => ("订单号", "Order no."),
    OrderCancelled => ("已取消", "cancelled"),
    Yuan => ("{n} 元", "¥{n}"),
    /// The unit of money on its own, beside a box for an amount.
    YuanWord => ("元", "yuan"),
    WasPrice => ("原价", "was"),
    Refunded => ("已退款", "Refunded"),
    Compensated => ("已补偿", "Compensated"),
    CouponsSent => ("已发优惠券", "Coupons sent"),
    Resent => ("已补发", "Resent"),
    Escalated => ("已转交主管", "Passed to a supervisor"),
    ReportTitle => ("客服训练成绩单", "Kefu Trainer scorecard"),
    ReportWhen => ("时间", "When"),
    ReportScenario => ("场景", "Scenario"),
    ReportSeed => ("随机种子", "Seed"),
    ReportPassMark => ("合格线", "Pass mark"),
    ReportKpi => ("指标", "KPI"),
    ReportValue => ("数值", "Value"),
    ReportTarget => ("目标", "Target"),
    ReportQuiz => ("测验", "Quiz"),
    ReportDrill => ("练习", "Drill"),
    ReportQuestion => ("题目", "Question"),
    ReportAnswer => ("作答", "Answer"),
    ReportWhy => ("解析", "Why"),
    ReportTime => ("用时", "Time"),
    SettingsNotRead => ("设置文件无法读取,已另存并使用默认设置", "The settings file could not be read; it was kept aside and the defaults are used"),
    ReviewNotRead => ("复习进度无法读取", "Review progress could not be read"),
    NothingSaved => ("没有可保存的成绩单", "Nothing to save"),
    ConfirmEndSession => ("结束后,还在等待的买家都收不到回复。本次练习记为“已中止”:不评合格或不合格,已发的回复照常评分。确定结束吗?", "Every buyer still waiting gets no answer. The attempt is recorded as ended early: neither passed nor failed, and the replies you sent are graded. End it now?"),
    EndNow => ("确定结束", "End now"),
    KeepServing => ("继续接待", "Keep serving"),
    ListSeparator => ("、", ", "),
    ChatInChinese => ("中", "ZH"),
    ChatInEnglish => ("英", "EN"),
    ReportContent => ("内容版本", "Content"),
    RushBriefing => ("任务简报:高峰模式", "Briefing: rush mode"),
    RushGoalEveryone => ("{n} 位买家会同时找你,他们要问什么事先不知道:每一位都要及时回复,不能冷落", "{n} buyers message you at once, and you do not know what they will ask: answer every one in time, leave no one waiting"),
    RushGoalOrder => ("看左侧的会话列表:未读数和等待时间告诉你先回谁", "Watch the conversation list on the left: unread counts and waiting times say who to answer first"),
    RushGoalOwnOrder => ("订单面板只对应当前选中的买家:操作前先确认选对了人", "The order panel is the selected buyer's only: check who is selected before you act"),
    StartHere => ("从这里开始", "Start here"),
    /// The suggested next scenario on home: the easiest one not yet passed.
    NextUp => ("下一个练习:{title}", "Next up: {title}"),
    PassedCount => ("已合格 {n}/{total} 个场景", "{n} of {total} scenarios passed"),
    AllPassed => ("所有场景都已合格,可以试试高峰模式和模拟考试", "Every scenario passed: try rush mode and the exam"),
    ResultPassed => ("合格 · 最好 {best}", "Passed · best {best}"),
    ResultTried => ("未合格 · 最高 {best} · {n} 次", "Not passed yet · best {best} · {n} tries"),
    NotTried => ("未练习", "Not tried"),
    AskNameTitle => ("开始前,请先填写你的姓名", "Before you start: who is training?"),
    AskNameWhy => ("成绩单记在这个名字和工号下,主管按它查看。", "Your scorecards are filed under this name and number for your supervisor."),
    Cancel => ("取消", "Cancel"),
    ThemeDark => ("深色", "Dark"),
    ThemeLight => ("浅色", "Light"),
    ResumeNamed => ("上次的练习《{title}》没有结束", "Your last session, “{title}”, did not finish"),
    ResumeRushNamed => ("上次的高峰模式({n} 位买家)没有结束", "Your last rush ({n} buyers) did not finish"),
    Activities => ("测验与练习", "Quizzes and drills"),
    CourseHeading => ("场景练习", "Scenarios"),
    /// Heading over the critical failures of a scorecard in the HTML report.
    ReportCritical => ("关键项不合格(一票否决)", "Critical failures (each fails the session)"),
    /// Tag on a finding that fails the session by itself.
    ReportCriticalTag => ("一票否决", "fails the session"),
    /// The label under each reply point in the HTML report.
    ReportAnswerN => ("第 {n} 次回复", "Answer {n}"),
    // Reviews and disputes: their HTML sections, `kefu review list|show`.
    ReviewTitle => ("评分复核", "Scorecard review"),
    Reviewer => ("复核人", "Reviewer"),
    AutoScore => ("自动评分", "Auto score"),
    ReviewedScore => ("复核后得分", "Reviewed score"),
    ReviewStateNone => ("未复核", "Not reviewed"),
    ReviewStateReviewed => ("已复核", "Reviewed"),
    ReviewStateSignedOff => ("已签核", "Signed off"),
    ReviewAgree => ("同意", "Agree"),
    ReviewDisagree => ("不同意", "Disagree"),
    /// Beside a finding no review judged.
    ReviewNotJudged => ("未评", "not judged"),
    ReviewFinding => ("评分项", "Finding"),
    ReviewJudgement => ("复核意见", "Judgement"),
    ReviewReason => ("理由", "Reason"),
    ReviewAdded => ("补充评分项(评分器漏判)", "Findings the grader missed"),
    ReviewOverrides => ("维度调整", "Dimension overrides"),
    ReviewComment => ("评语", "Comment"),
    ReviewScorecard => ("评分卡", "Scorecard"),
    /// `{n}`: how many reviews name an earlier version of the scorecard.
    ReviewStale => ("{n} 份复核针对的是此评分卡的旧版本(评分卡已变动)", "{n} review(s) of an earlier version of this scorecard (it has changed since)"),
    ReviewNone => ("暂无复核", "No review yet"),
    ReviewOpenDisputes => ("{n} 条待处理申诉", "{n} open dispute(s)"),
    ReviewNoScorecards => ("没有符合条件的评分卡", "No scorecards match"),
    /// An added finding about the answer as a whole, not one line.
    ReviewWholeAnswer => ("整次回复", "the whole answer"),
    ReviewLine => ("第 {n} 行", "line {n}"),
    DisputeTitle => ("申诉", "Dispute"),
    DisputeOpen => ("待处理", "Open"),
    DisputeAccepted => ("已采纳", "Accepted"),
    DisputeRejected => ("已驳回", "Rejected"),
    DisputeAnswer => ("答复", "Answer"),
    DisputeAnswered => ("答复申诉", "Answers the dispute of"),
    // The review panel on an opened scorecard, the dispute queue, and the trainee's dispute form (the app).
    ReviewPanel => ("复核这份评分卡", "Review this scorecard"),
    ReviewPanelNote => ("复核另存为一份单独的记录;自动评分不会被修改。", "The review is saved as a record of its own; the auto score is never changed."),
    ReviewerName => ("复核人姓名", "Reviewer's name"),
    ReviewerId => ("复核人工号", "Reviewer's employee no."),
    ReviewJudgeFindings => ("逐条判断评分项", "Judge each finding"),
    ReviewAnswerN => ("第 {n} 次回复", "Answer {n}"),
    ReviewDisagreeHint => ("为什么不同意(必填),如:评分漏掉了道歉", "Why you disagree (required), e.g. the grader missed the apology"),
    ReviewAddMissed => ("补充一条评分遗漏", "Add a finding the grader missed"),
    ReviewAddedWhat => ("遗漏了什么", "What the grader missed"),
    ReviewAddedPoints => ("分数(扣分为负)", "Points (negative for a fault)"),
    ReviewDimension => ("维度", "Dimension"),
    ReviewRemove => ("删除", "Remove"),
    ReviewAddOverride => ("调整一个维度的得分", "Override a dimension's score"),
    ReviewOverridePct => ("得分 %", "Score %"),
    ReviewRequiredReason => ("理由(必填)", "Reason (required)"),
    ReviewCommentHint => ("对这次练习的总体评语", "Your comment on this session"),
    ReviewSaveUnsigned => ("保存(暂不签核)", "Save without signing off"),
    ReviewSignOff => ("签核", "Sign off"),
    ReviewSaved => ("复核已保存", "Review saved"),
    ReviewAnother => ("再写一份复核", "Write another review"),
    /// Takes a finding's judgement back (neither agree nor disagree).
    ReviewClearJudgement => ("撤销", "Clear"),
    ReviewSaveFailed => ("复核未能保存", "The review could not be saved"),
    ReviewEarlier => ("已有的复核", "Earlier reviews"),
    ReviewLive => ("按目前的判断:复核后得分 {score}", "As judged so far: reviewed score {score}"),
    ReviewNeedReviewer => ("请填写复核人姓名和工号", "Enter the reviewer's name and employee number"),
    ReviewNeedReason => ("每条\"不同意\"都需要写明理由", "Give a reason for each disagreement"),
    ReviewNeedAdded => ("补充的评分项需写明遗漏内容,分数为 -100 到 100 之间的数字", "An added finding needs what was missed and points from -100 to 100"),
    ReviewNeedOverride => ("调整的得分须为 0 到 100 之间的数字,并写明理由", "An override needs a score from 0 to 100 and a reason"),
    ReviewNeedDecision => ("请选择受理或驳回这条申诉", "Choose to accept or reject the dispute"),
    ReviewNeedAnswer => ("驳回申诉时需写明给学员的答复", "Write the trainee an answer when rejecting"),
    ReviewDisputeFrom => ("{name} 的申诉", "Dispute from {name}"),
    ReviewAccept => ("受理(评分有误)", "Accept (the grader was wrong)"),
    ReviewReject => ("驳回(评分成立)", "Reject (the finding stands)"),
    ReviewAnswerHint => ("给学员的答复", "Your answer to the trainee"),
    /// The trainee page's column: the reviewed score and state beside the auto score.
    RecordReview => ("复核", "Review"),
    ReviewInRound => ("校准轮次:{name}。盲评:提交之前看不到其他复核人的意见。", "Calibration round: {name}. Blind: the other reviewers' judgements stay hidden until you submit."),
    CalibSubmitted => ("已提交 ✓", "Submitted ✓"),
    CalibCardMissing => ("找不到这份评分卡(或已变动)", "Scorecard not found (or changed)"),
    CalibReviewBlind => ("盲评", "Review blind"),
    ReviewNoFindings => ("这份评分卡没有评分项可判断。", "This scorecard has no findings to judge."),
    DisputeQueue => ("申诉", "Disputes"),
    DisputeQueueEmpty => ("没有符合条件的申诉", "No disputes match"),
    DisputeState => ("状态", "State"),
    DisputeRule => ("评分项", "Finding"),
    DisputeRuleFilter => ("评分项包含", "Finding contains"),
    DisputeOlderThan => ("至少等待(天)", "Waiting at least (days)"),
    DisputeWaiting => ("已等待", "Waiting"),
    DisputeDays => ("{n} 天", "{n} d"),
    DisputeHandle => ("处理", "Handle"),
    DisputeView => ("查看", "View"),
    DisputeTrainee => ("学员", "Trainee"),
    DisputeReason => ("申诉理由", "Reason given"),
    DisputeSection => ("对某条评分有异议?", "Disagree with a finding?"),
    DisputeThis => ("申诉", "Dispute"),
    DisputeReasonHint => ("哪里评错了,为什么(必填)", "What the grader got wrong, and why (required)"),
    DisputeSubmit => ("提交申诉", "Submit the dispute"),
    DisputeCancel => ("取消", "Cancel"),
    DisputeSent => ("申诉已提交", "Dispute submitted"),
    DisputeSendFailed => ("申诉未能保存", "The dispute could not be saved"),
    DisputeMine => ("我的申诉", "My disputes"),
    DisputeAnswerFrom => ("{name} 的答复", "Answer from {name}"),
    DisputeAlready => ("已申诉", "Disputed"),
    // The grader's explanations of findings, in the scenario's language.
    ExplainFactRightEarlier => ("前面已经说对了:{expected}", "Already stated correctly earlier: {expected}"),
    ExplainFactRight => ("说对了:{expected}", "Stated correctly: {expected}"),
    ExplainFactMissing => ("没有说明:应为 {expected}", "Not stated: should be {expected}"),
    ExplainFactWrong => ("说错了:应为 {expected}(说错比不说更糟)", "Stated wrongly: should be {expected} (a wrong fact is worse than none)"),
    ExplainUnaskedFactWrong => ("说错了:应为 {expected}(没被问到也要说对)", "Stated wrongly: should be {expected} (unasked facts must be right too)"),
    ExplainStepWrongFact => ("这一步说错了:{label},应为 {expected}", "Done with a wrong fact: {label}; it should be {expected}"),
    ExplainStepDone => ("做到了:{label}", "Done: {label}"),
    ExplainStepDoneEarlier => ("前面已经做到:{label}", "Done earlier in the conversation: {label}"),
    /// `{why}`: the lexicon entry's reason.
    ExplainStepMissing => ("缺少这一步:{label}。{why}", "Missing step: {label}. {why}"),
    ExplainStepForbidden => ("这里不该出现:{label}。{why}", "Should not be here: {label}. {why}"),
    ExplainToneNoReply => ("买家等不到回复(应答比要求100%)", "The buyer got no reply (reply ratio must be 100%)"),
    ExplainToneNeutral => ("每条回复从中性语气起评", "Every reply starts from a neutral tone"),
    ExplainToneBelowMinimum => ("语气{band},这里至少要{minimum}", "Tone was {band}; this point needs at least {minimum}"),
    /// `{secs}`: already rounded to one decimal.
    ExplainSpeed => ("{secs} 秒后回复(合格线:5秒内)", "Replied after {secs} s (target: within 5 s)"),
    ExplainNoReply => ("没有回复", "No reply"),
    ExplainActionDoneEarlier => ("前面已经执行:{action}", "Done earlier: {action}"),
    ExplainActionDone => ("已执行:{action}", "Done: {action}"),
    ExplainActionExpected => ("应在订单面板执行:{action}", "Expected order action: {action}"),
    ExplainActionError => ("订单操作出错:{problem}", "Order action error: {problem}"),
    ExplainActionForbidden => ("这里不该执行:{action}", "Wrong action here: {action}"),
    ExplainActionUnneeded => ("这里没人需要退款或补偿:多给的钱是订单差错,店铺要承担", "Nobody needed a refund or compensation here: money given away is an order error the shop pays for"),
    ExplainCritical => ("关键项不合格:{condition}", "Critical item failed: {condition}"),
    ExamRulesTitle => ("考试须知", "Exam rules"),
    ExamRuleCount => ("共 {n} 题,限时 {minutes} 分钟,得分 {pass}% 及以上为合格。", "{n} questions in {minutes} minutes; {pass}% or more passes."),
    ExamRuleOnce => ("只有一次机会:开始后计时不停,关闭程序也照常计时,交卷后的成绩就是最终成绩。", "One attempt: once started the clock keeps running, even with the app closed, and the handed-in result is final."),
    ExamRuleChange => ("交卷前可以随时修改答案:点题号回到任意一题,没把握的题可以先标记。", "Until you hand in you can change any answer: click a question number to go back, and flag the ones you are unsure of."),
    ExamRuleEarly => ("可以提前交卷,还有未作答的题时会先提醒你;时间到会自动交卷。", "You may hand in early (you are warned if questions are unanswered); when time is up it is handed in for you."),
    StartExam => ("开始考试", "Start the exam"),
    QuestionList => ("题目列表", "Questions"),
    Flag => ("标记", "Flag"),
    Unflag => ("取消标记", "Unflag"),
    /// Beside a flagged question's number in the exam's question list.
    FlaggedMark => ("已标记", "flagged"),
    PasteRefused => ("粘贴的文字不计入成绩", "Pasted text does not count"),
    SizeChart => ("尺码表", "Size chart"),
    SizeColumn => ("尺码", "Size"),
    HeightCm => ("身高(cm)", "Height (cm)"),
    WeightKg => ("体重(kg)", "Weight (kg)"),
    // An order action in a transcript, in the reader's language (`{amount}` is money already written).
    ActionRefund => ("退款 {amount}", "Refund {amount}"),
    ActionResend => ("补发 {item}", "Resend {item}"),
    ActionChangeAddress => ("修改收货地址为 {to}", "Change the address to {to}"),
    ActionCoupon => ("发送 {value} 优惠券", "Send a {value} coupon"),
    ActionDiscount => ("改价优惠 {amount}", "Discount {amount}"),
    ActionCompensate => ("补偿 {amount}", "Compensate {amount}"),
    ActionCancelOrder => ("取消订单", "Cancel the order"),
    ActionEscalate => ("转交主管", "Escalate to a supervisor"),
    /// Instead of PASS/FAIL on a practice quiz, which has no verdict: "练习 · 得分 70%".
    PracticeScore => ("练习 · 得分 {pct}%", "Practice · score {pct}%"),
    /// Instead of PASS/FAIL on a review, which has no verdict.
    ReviewScore => ("复习 · 得分 {pct}%", "Review · score {pct}%"),
    // The cohort report (`kefu report`): a supervisor's table of trainees and scenarios.
    CohortTitle => ("学员成绩汇总", "Cohort report"),
    CohortRecords => ("共 {n} 条记录", "{n} records"),
    CohortSince => ("自 {date} 起", "Since {date}"),
    CohortOneTrainee => ("仅工号 {id}", "Employee no. {id} only"),
    CohortNoRecords => ("没有符合条件的记录", "No records match"),
    CohortByTrainee => ("按学员", "By trainee"),
    CohortByScenario => ("按场景", "By scenario"),
    CohortLastActive => ("最近练习", "Last active"),
    CohortEndedEarly => ("中止", "Ended early"),
    CohortMean => ("平均分", "Mean"),
    CohortLatest => ("最近得分", "Latest"),
    CohortPassRate => ("合格率", "Pass rate"),
    CohortExams => ("考试(合格/参加)", "Exams passed"),
    CohortBestExam => ("考试最高分", "Best exam"),
    CohortPracticeQuizzes => ("练习测验", "Practice quizzes"),
    /// Under the trainee table: what the numbers count.
    CohortNote => ("得分、合格率和各项指标只统计有结论的场景练习(中途结束的不计);指标为平均值,时间单位为秒。", "Scores, pass rates and KPIs count only scenario sessions with a verdict (those ended early are left out); KPIs are means, times in seconds."),
    CohortUnreadable => ("无法读取的文件({n} 个)", "Files that could not be read ({n})"),
    KpiProductAccuracy => ("产品熟悉度", "Product accuracy"),
    KpiFirstResponse => ("首次响应", "First response"),
    KpiAverageResponse => ("平均响应", "Mean response"),
    KpiReplyRatio => ("应答比", "Reply ratio"),
    KpiOrderErrors => ("订单差错", "Order errors"),
    CohortReviewed => ("已复核", "Reviewed"),
    CohortOpenDisputes => ("待处理申诉", "Open disputes"),
    FilterReviewed => ("复核", "Review"),
    OnlyReviewed => ("已复核", "Reviewed"),
    OnlyNotReviewed => ("未复核", "Not reviewed"),
    // The performance file (绩效档案) of one trainee: `kefu report --trainee`, the supervisor's print button.
    PerfTitle => ("绩效档案", "Performance file"),
    PerfGenerated => ("生成于 {date}", "Made on {date}"),
    PerfPeriod => ("时间范围 {from} 至 {until}", "Period {from} to {until}"),
    PerfSummary => ("概况", "Summary"),
    PerfWithVerdict => ("有结论的练习", "Sessions with a verdict"),
    PerfTypingPhrases => ("打字练习句数", "Typing phrases"),
    PerfAttempts => ("每次练习", "Every attempt"),
    PerfNoAttempts => ("这段时间没有练习记录", "No attempts in this period"),
    PerfMode => ("模式", "Mode"),
    PerfModeSingle => ("单人", "Single"),
    PerfModeRush => ("高峰", "Rush"),
    PerfResult => ("结果", "Result"),
    PerfReviewState => ("复核状态", "Review state"),
    PerfQuizzes => ("测验与考试", "Quizzes and exams"),
    PerfTrends => ("趋势", "Trends"),
    PerfScoreOverTime => ("每次有结论练习的得分,从早到晚;虚线为合格线", "The score of each session with a verdict, oldest first; the dashed line is the pass mark"),
    PerfDimensions => ("各维度平均得分率:前一半与后一半练习", "Mean share per dimension: the first and the second half of the sessions"),
    PerfDimension => ("维度", "Dimension"),
    PerfFirstHalf => ("前一半({n} 次)", "First half ({n})"),
    PerfSecondHalf => ("后一半({n} 次)", "Second half ({n})"),
    PerfWeakestRules => ("失分最多的规则", "Rules that cost the most points"),
    PerfWeakestFacts => ("失分最多的产品与政策知识", "Facts that cost the most points"),
    PerfRule => ("规则(评分说明)", "Rule (as the grader explains it)"),
    PerfFact => ("知识点(评分说明)", "Fact (as the grader explains it)"),
    PerfTimes => ("失分次数", "Times"),
    PerfPointsLost => ("共失分", "Points lost"),
    PerfExample => ("学员原话示例", "Example of what was written"),
    PerfNoLosses => ("没有失分", "No points lost"),
    PerfReviews => ("复核与申诉", "Reviews and disputes"),
    PerfNoReviews => ("还没有复核或申诉", "No reviews or disputes yet"),
    PerfDisagreements => ("复核人不同意的评分项", "Findings the reviewer disagreed with"),
    /// The button on a trainee's page in the supervisor's workspace.
    PrintPerformanceFile => ("打印绩效档案", "Print performance file"),
    PerfWriting => ("正在生成绩效档案……", "Making the performance file…"),
    // The dashboard's chart tab: what the kept sessions with a verdict earn per dimension, and the KPIs' means.
    ChartDimensions => ("各维度平均得分率(有结论的练习)", "Mean share per dimension (sessions with a verdict)"),
    ChartShare => ("得分率", "Share"),
    ChartKpis => ("指标均值与目标", "KPI means against their targets"),
    ChartKpi => ("指标", "KPI"),
    ChartKpiMean => ("均值", "Mean"),
    ChartKpiTarget => ("目标", "Target"),
    ChartKpiMet => ("达标", "Met"),
    ChartKpiMissed => ("未达标", "Not met"),
    // Why a record in a supervisor's folder could not be read (StoreError::unreadable_reason).
    UnreadableTooLarge => ("文件超过 8 MB 上限,不像是成绩单", "larger than the 8 MB limit: not a scorecard"),
    UnreadableNotARecord => ("不是有效的成绩单:文件损坏、被截断或格式不对", "not a valid scorecard: damaged, cut short or in another format"),
    UnreadableCannotRead => ("无法读取:请检查文件权限和磁盘", "cannot be read: check the file's permissions and the disk"),
    // The engine's refusals, as the workbench shows them (EngineError::shown).
    EngineUnknownScenario => ("课程里没有场景 {id}", "There is no scenario {id} in the course"),
    EngineEnded => ("会话已经结束", "The conversation has ended"),
    EngineEmptyReply => ("回复是空的", "The reply is empty"),
    EngineTooLong => ("回复太长:{chars} 个字(上限 {limit}),请分成几条发送", "The reply is too long: {chars} characters (the limit is {limit}); split it into several messages"),
    EngineClock => ("计时出错,请结束会话后重新开始", "The session's clock went wrong; end the session and start again"),
    EngineBadAction => ("订单面板拒绝了这个操作:{why}", "The order panel refused the action: {why}"),
    // Who uses the app: the role switch in the top bar.
    RoleLabel => ("角色", "Role"),
    RoleTrainee => ("学员", "Trainee"),
    RoleSupervisor => ("主管", "Supervisor"),
    RoleTrainer => ("培训师", "Trainer"),
    /// How a role button reads out (the bare word "学员" is also a field's label).
    RoleReadOut => ("角色:{role}", "Role: {role}"),
    // The supervisor's workspace: data folders, loading, the cohort dashboard.
    SupervisorTitle => ("主管工作台", "Supervisor's workspace"),
    DataFolders => ("数据文件夹", "Data folders"),
    NoFoldersYet => ("还没有打开数据文件夹:选择学员的数据文件夹,或大家共同保存成绩单的文件夹。", "No data folder is open yet: choose the trainees' data folders, or a shared folder they all save to."),
    PickFolder => ("选择文件夹…", "Choose a folder…"),
    FolderPath => ("文件夹路径", "Folder path"),
    FolderPathHint => ("粘贴或输入路径", "Paste or type a path"),
    AddFolder => ("添加", "Add"),
    AddOwnDataFolder => ("添加本机的数据文件夹", "Add this computer's data folder"),
    RemoveFolder => ("移除", "Remove"),
    NoFolderDialog => ("这台电脑没有文件选择对话框,请在“文件夹路径”里输入路径", "There is no folder dialogue on this computer: type the path under Folder path"),
    FolderAlreadyOpen => ("这个文件夹已经打开了", "That folder is open already"),
    CohortNoThread => ("无法启动读取数据文件夹的线程,请重新打开本应用", "The folders cannot be read: no thread could be started for it. Open the app again"),
    RefreshCohort => ("刷新", "Refresh"),
    CohortReading => ("正在读取:{done}/{found} 个文件", "Reading: {done} of {found} files"),
    CohortLoaded => ("{records} 条记录,{trainees} 名学员", "{records} records, {trainees} trainees"),
    CohortLastRefresh => ("上次刷新读取了 {read} 个新的或改动过的文件,{unchanged} 个未变,{dropped} 个已不在", "The last refresh read {read} new or changed files; {unchanged} unchanged, {dropped} gone"),
    CohortChart => ("成绩走势", "Scores over time"),
    FilterFrom => ("起始日期", "From"),
    FilterUntil => ("截止日期", "Until"),
    DateHint => ("例如 2026-11-01", "e.g. 2026-11-01"),
    BadDate => ("{field}:“{text}”不是日期,请写成 2026-11-01 这样", "{field}: “{text}” is not a date; write it like 2026-11-01"),
    DatesReversed => ("起始日期晚于截止日期,没有记录能符合", "The start date is after the end date: no record can match"),
    FilterScenario => ("场景", "Scenario"),
    FilterCategory => ("类别", "Category"),
    FilterLanguage => ("对话语言", "Language"),
    FilterVerdict => ("结论", "Verdict"),
    FilterAll => ("全部", "All"),
    OnlyPassed => ("只看合格", "Passed only"),
    OnlyFailed => ("只看不合格", "Failed only"),
    ChineseConversations => ("中文对话", "Chinese conversations"),
    EnglishConversations => ("英文对话", "English conversations"),
    CategoryOther => ("其他", "Other"),
    ClearFilters => ("清除筛选", "Clear filters"),
    FiltersApply => ("只列出符合当前筛选条件的记录", "Only the records the filters keep are listed"),
    CohortMatching => ("符合筛选的记录:{n} 条", "Records matching the filters: {n}"),
    /// A column header's read-out once the table is sorted by it.
    SortedUp => ("{column}(升序)", "{column} (ascending)"),
    SortedDown => ("{column}(降序)", "{column} (descending)"),
    /// How a trainee's name in the table reads out: it opens their records.
    OpenTrainee => ("查看 {name}(工号 {id})", "Open {name} (employee no. {id})"),
    /// How an attempt's open button reads out.
    OpenAttempt => ("打开 · {title} · {when}", "Open · {title} · {when}"),
    ShowScenarioOnly => ("只看这个场景:{title}", "Show this scenario only: {title}"),
    TraineeRecords => ("{name} 的全部记录", "Every record of {name}"),
    BackToCohort => ("返回全部学员", "Back to all trainees"),
    RecordWhen => ("时间", "When"),
    RecordActivity => ("练习内容", "Activity"),
    RecordScore => ("得分", "Score"),
    RecordVerdict => ("结论", "Verdict"),
    NoVerdict => ("无结论", "No verdict"),
    ChartCohortMean => ("全体学员每天的平均分", "The cohort's mean score per day"),
    ChartTraineeScores => ("每次场景练习的得分", "The score of each scenario session"),
    ChartNoScores => ("还没有可画的得分", "No scores to chart yet"),
    ChartDate => ("日期", "Date"),
    ChartScore => ("得分", "Score"),
    ChartTrend => ("近 5 次平均", "Mean of the last 5"),
    LostButton => ("失分最多", "Where points are lost"),
    LostButtonReadOut => ("失分最多 · {title}", "Where points are lost · {title}"),
    LostTitle => ("失分最多的规则:{title}(最近 {n} 次有结论的练习)", "Where points are lost: {title} (the newest {n} sessions with a verdict)"),
    LostNone => ("这些练习没有失分", "No points were lost in these sessions"),
    /// What a trainee wrote where the points were lost (their own words, quoted).
    LostExample => ("例:“{text}”", "e.g. “{text}”"),
    LostReading => ("正在读取这个场景的练习…", "Reading this scenario's sessions…"),
    /// Under the per-scenario table.
    ScenarioNote => ("合格率和平均分只统计有结论的练习。", "Pass rates and means count only sessions with a verdict."),
    // Grader agreement (`kefu review agreement`): how often reviewers agreed with the grader, per rule.
    /// `{reviews}` reviews counted (each reviewer's latest per scorecard), `{rules}` rules listed.
    AgreementTitle => ("评分器一致性:{reviews} 份复核,{rules} 条规则,分歧最多的在前", "Grader agreement: {reviews} reviews, {rules} rules, most disagreement first"),
    AgreementNone => ("没有找到复核", "No reviews found"),
    AgreementTab => ("评分器一致性", "Grader agreement"),
    AgreementRule => ("规则", "Rule"),
    AgreementJudged => ("已评", "Judged"),
    AgreementAgreed => ("同意", "Agreed"),
    AgreementOverturned => ("推翻", "Overturned"),
    AgreementAdded => ("补漏", "Added"),
    AgreementRate => ("分歧率", "Disagreement"),
    // Calibration rounds (`kefu calibrate`, the supervisor's 校准 tab): reviewers review the same scorecards blind.
    CalibTab => ("校准", "Calibration"),
    /// `{name}`: the round's name as its organiser wrote it.
    CalibReportTitle => ("校准报告:{name}", "Calibration report: {name}"),
    CalibOrganiser => ("组织人", "Organiser"),
    /// `{n}` of `{m}` reviewers have reviewed every scorecard of the round.
    CalibProgress => ("{n}/{m} 位复核人已提交", "{n} of {m} reviewers submitted"),
    CalibAgreement => ("一致率", "Agreement"),
    CalibAlpha => ("Krippendorff α 系数", "Krippendorff's alpha"),
    CalibItems => ("{n} 个评分项", "{n} items"),
    CalibItem => ("评分项", "Item"),
    CalibGrader => ("评分器", "Grader"),
    CalibNoOverride => ("未调整", "No override"),
    /// An overridden dimension share, in a band of 25 points.
    CalibBand => ("调整为 {from}–{to}%", "Set to {from}–{to}%"),
    CalibNotSubmitted => ("未提交", "Not submitted"),
    /// `{card}`: trainee and scenario of a scorecard of the round that was not found as it was.
    CalibMissing => ("找不到这张评分卡(或已变动):{card}", "Scorecard not found as it was: {card}"),
    CalibAlphaNote => (
        "一致率:每个评分项上两两评分人意见相同的比例(评分器算作一位总是同意自己的评分人;未评的评分项按同意计)。α:名义数据的 Krippendorff α,按机会校正,1 为完全一致,0 为与随机相当;维度调整按 25 分一档比较。",
        "Agreement: the share of pairs of raters who gave an item the same rating (the grader counts as a rater who always agrees with itself; a finding left unjudged counts as agreed). Alpha: Krippendorff's alpha for nominal data, corrected for chance: 1 is full agreement, 0 no better than chance; dimension overrides compare in bands of 25 points."
    ),
    CalibNoRounds => ("这些文件夹里没有校准轮次(用 kefu calibrate new 建立)", "No calibration rounds in these folders (make one with kefu calibrate new)"),
    /// Before every reviewer has submitted: the report stays closed.
    CalibWaiting => ("所有复核人提交后才显示报告", "The report shows once every reviewer has submitted"),
    CalibRoundEdited => ("这个校准轮次的文件被改动过,报告不可信", "This round's file has been edited; its report cannot be trusted"),
    CalibNew => ("新建校准轮次", "New calibration round"),
    CalibName => ("轮次名称", "Round name"),
    CalibOrganiserField => ("组织人(姓名:工号)", "Organiser (name:id)"),
    CalibReviewersField => ("复核人(每行一位,姓名:工号)", "Reviewers (one a line, name:id)"),
    CalibPick => ("选择评分卡(最新的 200 张场景练习)", "Pick scorecards (the newest 200 scenario sessions)"),
    CalibCreate => ("建立轮次", "Create the round"),
    CalibCreated => ("已建立校准轮次", "Calibration round created"),
    CalibCannotCreate => ("无法建立校准轮次", "Cannot create the calibration round"),
    CalibNeedName => ("请填写轮次名称", "Give the round a name"),
    CalibNeedOrganiser => ("请按“姓名:工号”填写组织人", "Write the organiser as name:id"),
    CalibNeedReviewers => ("请按“姓名:工号”填写至少两位不同的复核人,每行一位", "Write at least two different reviewers as name:id, one a line"),
    CalibNeedScorecards => ("请至少选择一张评分卡", "Pick at least one scorecard"),
    /// `{n}`: reviews by the round's other reviewers, hidden from a reviewer who has not submitted yet.
    CalibHidden => ("{n} 份本轮其他复核人的复核在您提交自己的复核前不显示", "{n} review(s) by the round's other reviewers stay hidden until you submit yours"),
    // The trainer's page: what a trainer does with the course's files (the app does not edit them).
    TrainerTitle => ("培训师:编写课程内容", "Trainer: writing the course"),
    TrainerIntro => ("课程内容都是文本文件(RON 格式),在文本编辑器里编写;本应用只读取它们,不在这里编辑。", "The course is plain-text files (RON), written in a text editor; this app only reads them and does not edit them here."),
    TrainerCourseFolder => ("本应用读取的课程文件夹", "The course folder this app reads"),
    TrainerCourseNow => ("当前课程:{scenarios} 个场景,{banks} 个题库,{problems} 个内容问题", "This course: {scenarios} scenarios, {banks} question banks, {problems} content problems"),
    TrainerStepWrite => ("1. 在 scenarios/ 里写场景,在 assets/ 里写商品目录、店铺规则、词库和题库。", "1. Write scenarios under scenarios/, and the catalogue, shop policy, lexicons and question banks under assets/."),
    TrainerStepCheck => ("2. 在命令行运行 kefu check:每个问题都给出文件、行和列,以及怎样改。", "2. Run kefu check on the command line: every problem comes with its file, line and column, and how to fix it."),
    TrainerStepReload => ("3. 重新打开本应用:通过检查的文件会被加载,有错误的文件不加载,并列在下面。", "3. Open this app again: files that pass are loaded; files with errors are left out and listed below."),
    TrainerGuide => ("每个字段的写法见 docs/authoring.md。", "Every field is explained in docs/authoring.md."),
    TrainerNoProblems => ("当前课程没有内容问题。", "The course has no content problems."),
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_durations_read_in_english() {
        assert_eq!(duration("1 年", Lang::En), "1 year");
        assert_eq!(duration("6 月", Lang::En), "6 months");
        assert_eq!(duration("15 天", Lang::En), "15 days");
        assert_eq!(duration("1 年", Lang::Zh), "1 年");
        assert_eq!(duration("forever", Lang::En), "forever");
        assert_eq!(duration("48 h", Lang::Zh), "48 小时");
        assert_eq!(duration("48 h", Lang::En), "48 hours");
        assert_eq!(duration("1 h", Lang::En), "1 hour");
        assert_eq!(duration("3 天", Lang::En), "3 days");
        assert_eq!(duration("3 days", Lang::Zh), "3 天");
        assert_eq!(duration("3 days", Lang::En), "3 days");
    }

    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
    }

    /// Each text is in its own language: no Chinese in the English UI, and no
    /// English words standing in for Chinese (Latin letters only as names: KPI, SKU, Enter).
    #[test]
    fn every_message_is_in_its_own_language() {
        for msg in Msg::ALL.iter().filter(|m| **m != Msg::SwitchLanguage) {
            let (zh, en) = (msg.get(Lang::Zh), msg.get(Lang::En));
            assert!(!zh.is_empty() && !en.is_empty(), "{msg:?} is empty");
            assert!(!has_cjk(en), "{msg:?}: Chinese in the English text {en:?}");
            assert!(has_cjk(zh) || zh.chars().all(|c| !c.is_alphabetic()), "{msg:?}: no Chinese in the Chinese text {zh:?}");
        }
    }

    /// A placeholder filled in one language is filled in the other.
    #[test]
    fn placeholders_match_across_languages() {
        let names = |text: &str| {
            let mut found: Vec<String> = text.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
            found.sort();
            found
        };
        for msg in Msg::ALL {
            assert_eq!(names(msg.get(Lang::Zh)), names(msg.get(Lang::En)), "{msg:?}");
        }
        assert_eq!(Msg::ReadsIn.fill(Lang::En, &[("secs", &3)]), "The buyer reads your answer in 3 s");
    }

    #[test]
    fn fill_replaces_each_placeholder_once() {
        let label = "{why} {label}";
        let filled = Msg::ExplainStepMissing.fill(Lang::En, &[("label", &label), ("why", &"it matters")]);
        assert_eq!(filled, "Missing step: {why} {label}. it matters");
        assert_eq!(Msg::ExplainStepDone.fill(Lang::Zh, &[]), "做到了:{label}", "an unfilled placeholder stays");
    }
}
