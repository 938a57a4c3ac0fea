//! The order as it is now: the scenario's order with the agent's accepted
//! actions applied (a discount lowers what is due, refunds add up, a cancel
//! cancels, a new address replaces the old), so the order panel shows what
//! the agent has done rather than the order as the scenario began.

use super::{EntryKind, TranscriptEntry};
use crate::content::raw::{Action, Order};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrderNow {
    /// What is paid (or due, when unpaid) after discounts.
    pub amount: f64,
    /// Refunded so far.
    pub refunded: f64,
    /// Compensation paid so far.
    pub compensated: f64,
    /// Coupons sent, by value.
    pub coupons: Vec<f64>,
    /// SKUs resent.
    pub resent: Vec<String>,
    /// The delivery address, when the agent changed it.
    pub address: Option<String>,
    pub cancelled: bool,
    pub escalated: bool,
}

impl OrderNow {
    /// `order` after every action in `transcript` the order panel accepted
    /// (a refused action changed nothing).
    pub fn of(order: &Order, transcript: &[TranscriptEntry]) -> OrderNow {
        let mut now = OrderNow { amount: order.amount.base_value, ..OrderNow::default() };
        let accepted = transcript.iter().filter(|e| e.kind == EntryKind::Action && e.problem.is_none()).filter_map(|e| e.action.as_ref());
        for action in accepted {
            match action {
                Action::Refund { amount } => now.refunded += amount,
                Action::Discount { amount } => now.amount = (now.amount - amount).max(0.0),
                Action::Compensate { amount } => now.compensated += amount,
                Action::Coupon { value } => now.coupons.push(*value),
                Action::Resend { sku } => now.resent.push(sku.clone()),
                Action::ChangeAddress { to } => now.address = Some(to.clone()),
                Action::CancelOrder => now.cancelled = true,
                Action::Escalate => now.escalated = true,
            }
        }
        now
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Who;

    fn entry(action: Action, problem: Option<&str>) -> TranscriptEntry {
        TranscriptEntry { at: 1.0, who: Who::Agent, node: "n".into(), kind: EntryKind::Action, text: String::new(), action: Some(action), problem: problem.map(str::to_string), until: None }
    }

    #[test]
    fn accepted_actions_change_the_order_and_refused_ones_do_not() {
        let order: Order = ron::from_str(r#"(status: Unpaid, items: [], amount: "129 元", address: (region: "上海", detail: "某路 1 号", phone: "138"))"#).unwrap();
        let transcript = vec![
            entry(Action::Discount { amount: 10.0 }, None),
            entry(Action::Refund { amount: 500.0 }, Some("退款超过实付")),
            entry(Action::Refund { amount: 20.0 }, None),
            entry(Action::ChangeAddress { to: "北京".into() }, None),
            entry(Action::CancelOrder, None),
        ];
        let now = OrderNow::of(&order, &transcript);
        assert_eq!((now.amount, now.refunded, now.address.as_deref(), now.cancelled), (119.0, 20.0, Some("北京"), true));
    }
}
