//! The app's words in Chinese and English. Every label lives here, so tests and
//! screen readers find widgets by the same text in either language.

use crate::content::raw::Lang;

/// `t(lang, "key")` → the label; an unknown key shows itself (and a test catches it).
pub fn t(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = match key {
        "app" => ("客服训练器", "Kefu Trainer"),
        "trainee" => ("学员", "Trainee"),
        "trainee_id" => ("工号", "Employee no."),
        "language" => ("English", "中文"),
        "course" => ("课程", "Course"),
        "difficulty" => ("难度", "Difficulty"),
        "best" => ("最好成绩", "Best"),
        "attempts" => ("次数", "Attempts"),
        "start" => ("开始", "Start"),
        "rush" => ("高峰模式(3位买家)", "Rush mode (3 buyers)"),
        "my_scorecards" => ("我的成绩单", "My scorecards"),
        "problems" => ("内容问题", "Content problems"),
        "resume" => ("继续上次未完成的会话", "Resume the unfinished session"),
        "discard" => ("放弃", "Discard"),
        "briefing" => ("任务简报", "Briefing"),
        "goals" => ("目标", "Goals"),
        "buyer_mood" => ("买家情绪", "Buyer's mood"),
        "back" => ("返回", "Back"),
        "conversations" => ("会话", "Conversations"),
        "waiting" => ("等待", "waiting"),
        "ended" => ("已结束", "ended"),
        "message" => ("输入回复", "Reply"),
        "send" => ("发送", "Send"),
        "enter_hint" => ("Enter 发送,Shift+Enter 换行", "Enter sends, Shift+Enter adds a line"),
        "quick_phrases" => ("常用语", "Quick phrases"),
        "add_phrase" => ("添加常用语", "Add quick phrase"),
        "new_phrase" => ("新常用语", "New quick phrase"),
        "product" => ("商品", "Product"),
        "price" => ("价格", "Price"),
        "stock" => ("库存", "Stock"),
        "included" => ("包含", "Included"),
        "not_included" => ("不包含", "Not included"),
        "selling_points" => ("卖点", "Selling points"),
        "order" => ("订单", "Order"),
        "status" => ("状态", "Status"),
        "address" => ("地址", "Address"),
        "tracking" => ("物流", "Tracking"),
        "no_order" => ("没有订单", "No order"),
        "refund" => ("退款", "Refund"),
        "resend" => ("补发", "Resend"),
        "coupon" => ("发优惠券", "Send coupon"),
        "discount" => ("改价优惠", "Discount"),
        "compensate" => ("补偿", "Compensate"),
        "change_address" => ("改地址", "Change address"),
        "new_address" => ("新地址", "New address"),
        "amount" => ("金额", "Amount"),
        "cancel_order" => ("取消订单", "Cancel order"),
        "escalate" => ("转交主管", "Escalate"),
        "end_session" => ("结束会话", "End session"),
        "patience" => ("耐心", "Patience"),
        "scorecard" => ("成绩单", "Scorecard"),
        "total" => ("总分", "Total"),
        "passed" => ("合格", "PASS"),
        "failed" => ("不合格", "FAIL"),
        "kpis" => ("考核指标", "KPIs"),
        "transcript" => ("对话记录", "Transcript"),
        "retry" => ("再练一次", "Retry"),
        "home" => ("首页", "Home"),
        "export" => ("导出", "Export"),
        "exported" => ("已导出到", "Exported to"),
        "saved" => ("成绩单已保存", "Scorecard saved"),
        "no_scorecards" => ("还没有成绩单", "No scorecards yet"),
        "open" => ("打开", "Open"),
        "critical" => ("关键项不合格", "Critical failure"),
        "name_hint" => ("姓名", "your name"),
        "quiz" => ("练习测验", "Practice quiz"),
        "exam" => ("模拟考试(20题,30分钟)", "Mock exam (20 questions, 30 min)"),
        "review" => ("复习到期的题目", "Review due questions"),
        "typing" => ("打字练习", "Typing drill"),
        "question" => ("第", "Question"),
        "submit" => ("提交答案", "Submit"),
        "next" => ("下一题", "Next"),
        "answer" => ("你的答案", "Your answer"),
        "true" => ("对", "True"),
        "false" => ("错", "False"),
        "time_left" => ("剩余时间", "Time left"),
        "score" => ("得分", "Score"),
        "pass_mark" => ("合格线", "pass mark"),
        "right" => ("答对了", "Right"),
        "wrong" => ("答错了", "Wrong"),
        "right_answer" => ("正确答案", "Right answer"),
        "your_answer" => ("你的作答", "You answered"),
        "resume_exam" => ("继续未交卷的考试", "Resume the exam in progress"),
        "no_questions" => ("没有可出的题目(题库里没有这种语言的题,或复习的题已从题库删除)", "No questions to ask (no bank in this language, or the due questions were removed)"),
        "unanswered" => ("未作答", "Not answered"),
        "time_up" => ("时间到,已自动交卷", "Time up: handed in"),
        "not_saved" => ("成绩单未能保存", "Scorecard not saved"),
        "finish_quiz" => ("交卷", "Hand in"),
        "done" => ("完成", "Done"),
        "speed" => ("速度", "Speed"),
        "accuracy" => ("准确率", "Accuracy"),
        "personal_best" => ("个人最佳(字/分)", "Personal best (chars/min)"),
        "phrase_to_copy" => ("照着输入这句话:", "Type this phrase:"),
        "sku" => ("款式", "SKU"),
        "coupon_value" => ("面额", "value"),
        "id_hint" => ("工号", "employee no."),
        "buyer" => ("买家", "Buyer"),
        "agent" => ("客服", "Agent"),
        "nudge" => ("催促", "nudge"),
        "action" => ("操作", "action"),
        "Calm" => ("平静", "calm"),
        "Curious" => ("好奇", "curious"),
        "Hesitant" => ("犹豫", "hesitant"),
        "Impatient" => ("着急", "impatient"),
        "Annoyed" => ("不满", "annoyed"),
        "Angry" => ("生气", "angry"),
        "Furious" => ("暴怒", "furious"),
        "Unpaid" => ("待付款", "unpaid"),
        "Paid" => ("已付款,待发货", "paid, not shipped"),
        "Shipped" => ("已发货", "shipped"),
        "Delivered" => ("已签收", "delivered"),
        "Completed" => ("交易成功", "completed"),
        "Converted" => ("已成交", "converted"),
        "Resolved" => ("已解决", "resolved"),
        "Lost" => ("买家流失", "lost"),
        "Escalated" => ("升级投诉", "escalated"),
        _ => return "?",
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_used_in_the_app_exists() {
        let source: String = ["mod.rs", "home.rs", "workbench.rs", "scorecard_view.rs", "quiz_view.rs"]
            .iter()
            .map(|f| std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app").join(f)).unwrap_or_default())
            .collect();
        for part in source.split("t(lang, \"").skip(1).chain(source.split("t(app.lang(), \"").skip(1)) {
            let key = part.split('"').next().unwrap();
            assert_ne!(t(Lang::Zh, key), "?", "missing key {key:?}");
        }
    }
}
