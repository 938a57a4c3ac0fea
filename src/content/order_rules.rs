//! Which order actions the shop policy and the order's status allow. Shared by
//! `kefu check` (expected actions in a rubric) and the engine (actions taken).

use super::raw::{Action, Lang, Order, OrderStatus, ShopPolicy};

/// Why the order panel would not even submit this action (an amount that is
/// not a positive number, an empty SKU or address), or `None` if it is well
/// formed. Unlike a policy problem this is a typing slip, not an order error:
/// the engine refuses it and records nothing.
pub fn malformed(action: &Action) -> Option<String> {
    let amount = match action {
        Action::Refund { amount } | Action::Discount { amount } | Action::Compensate { amount } => Some(*amount),
        Action::Coupon { value } => Some(*value),
        _ => None,
    };
    if let Some(amount) = amount
        && !(amount.is_finite() && amount > 0.0)
    {
        return Some(format!("the amount must be more than 0 元, got {amount}"));
    }
    match action {
        Action::Resend { sku } if sku.trim().is_empty() => Some("choose the SKU to resend".into()),
        Action::ChangeAddress { to } if to.trim().is_empty() => Some("the new address is empty".into()),
        _ => None,
    }
}

/// Why the order panel refuses an action on this order under this policy.
/// Each says what to do instead, in the chat's language (`message`); its
/// `Display` is the English one, for `kefu check`.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionProblem {
    NoOrder,
    RefundUnpaid,
    RefundNotPositive,
    RefundOverPaid { amount: f64, paid: f64 },
    RefundedAlready { refunded: f64, amount: f64 },
    ResendUnpaid,
    AddressEmpty,
    AddressDelivered,
    CouponNotAllowed { value: f64, allowed: Vec<String> },
    DiscountAfterPayment,
    DiscountOverLimit { amount: f64, limit: String },
    CompensationOverLimit { amount: f64, limit: String },
    CancelShipped,
}

impl ActionProblem {
    pub fn message(&self, lang: Lang) -> String {
        use ActionProblem::*;
        let zh = lang == Lang::Zh;
        match self {
            NoOrder if zh => "没有可以操作的订单".into(),
            NoOrder => "there is no order to act on".into(),
            RefundUnpaid if zh => "订单还没付款,不能退款".into(),
            RefundUnpaid => "an unpaid order cannot be refunded".into(),
            RefundNotPositive if zh => "退款金额必须大于 0 元".into(),
            RefundNotPositive => "a refund must be more than 0 元".into(),
            RefundOverPaid { amount, paid } if zh => format!("退款 {amount} 元超过了实付的 {paid} 元"),
            RefundOverPaid { amount, paid } => format!("refund {amount} 元 is more than the {paid} 元 paid"),
            RefundedAlready { refunded, amount } if zh => format!("已经退过 {refunded} 元,再退 {amount} 元就超过实付金额了"),
            RefundedAlready { refunded, amount } => format!("{refunded} 元 has already been refunded; {amount} more is over the amount paid"),
            ResendUnpaid if zh => "订单付款前不能补发".into(),
            ResendUnpaid => "nothing can be resent before the order is paid".into(),
            AddressEmpty if zh => "新地址是空的".into(),
            AddressEmpty => "the new address is empty".into(),
            AddressDelivered if zh => "包裹已经签收,地址改不了了".into(),
            AddressDelivered => "the parcel is already delivered; the address can no longer change".into(),
            CouponNotAllowed { value, allowed } if zh => format!("客服不能发 {value} 元的券(可发:{})", allowed.join("、")),
            CouponNotAllowed { value, allowed } => format!("a {value} 元 coupon is not one the agent may send (allowed: {})", allowed.join(", ")),
            DiscountAfterPayment if zh => "改价只能在付款前".into(),
            DiscountAfterPayment => "a price change (改价) is only possible before payment".into(),
            DiscountOverLimit { amount, limit } if zh => format!("改价 {amount} 元超过了客服权限({limit})"),
            DiscountOverLimit { amount, limit } => format!("a {amount} 元 discount is more than the {limit} an agent may give"),
            CompensationOverLimit { amount, limit } if zh => format!("补偿 {amount} 元超过了客服权限({limit}),请转交主管"),
            CompensationOverLimit { amount, limit } => format!("{amount} 元 compensation is more than the {limit} an agent may grant; escalate instead"),
            CancelShipped if zh => "订单已发货,不能取消,只能走退货".into(),
            CancelShipped => "a shipped order cannot be cancelled; it has to be returned".into(),
        }
    }
}

impl std::fmt::Display for ActionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why an action is not allowed on this order under this policy, or `None` if it is.
pub fn action_problem(action: &Action, order: Option<&Order>, policy: &ShopPolicy) -> Option<ActionProblem> {
    use ActionProblem::*;
    if matches!(action, Action::Escalate) {
        return None;
    }
    let Some(order) = order else {
        return Some(NoOrder);
    };
    let paid = order.amount.base_value;
    let status = order.status;
    let grant = &policy.agent_may_grant;
    match action {
        Action::Refund { amount } => {
            if status == OrderStatus::Unpaid {
                Some(RefundUnpaid)
            } else if *amount <= 0.0 {
                Some(RefundNotPositive)
            } else if *amount > paid + 0.005 {
                Some(RefundOverPaid { amount: *amount, paid })
            } else {
                None
            }
        }
        Action::Resend { .. } => (status == OrderStatus::Unpaid).then_some(ResendUnpaid),
        Action::ChangeAddress { to } => {
            if to.trim().is_empty() {
                Some(AddressEmpty)
            } else {
                matches!(status, OrderStatus::Delivered | OrderStatus::Completed).then_some(AddressDelivered)
            }
        }
        Action::Coupon { value } => (!grant.coupons.iter().any(|c| (c.base_value - value).abs() < 0.005))
            .then(|| CouponNotAllowed { value: *value, allowed: grant.coupons.iter().map(|c| c.text.clone()).collect() }),
        Action::Discount { amount } => {
            if status != OrderStatus::Unpaid {
                Some(DiscountAfterPayment)
            } else if *amount > grant.max_discount.base_value + 0.005 {
                Some(DiscountOverLimit { amount: *amount, limit: grant.max_discount.to_string() })
            } else {
                None
            }
        }
        Action::Compensate { amount } => (*amount > grant.max_compensation.base_value + 0.005)
            .then(|| CompensationOverLimit { amount: *amount, limit: grant.max_compensation.to_string() }),
        Action::CancelOrder => {
            matches!(status, OrderStatus::Shipped | OrderStatus::Delivered | OrderStatus::Completed).then_some(CancelShipped)
        }
        Action::Escalate => None,
    }
}
