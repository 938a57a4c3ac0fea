//! Which order actions the shop policy and the order's status allow. Shared by
//! `kefu check` (expected actions in a rubric) and the engine (actions taken).

use super::raw::{Action, Order, OrderStatus, ShopPolicy};

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

/// Why an action is not allowed on this order under this policy, or `None` if it is.
pub fn action_problem(action: &Action, order: Option<&Order>, policy: &ShopPolicy) -> Option<String> {
    if matches!(action, Action::Escalate) {
        return None;
    }
    let Some(order) = order else {
        return Some("there is no order to act on".into());
    };
    let paid = order.amount.base_value;
    let status = order.status;
    let grant = &policy.agent_may_grant;
    match action {
        Action::Refund { amount } => {
            if status == OrderStatus::Unpaid {
                Some("an unpaid order cannot be refunded".into())
            } else if *amount <= 0.0 {
                Some("a refund must be more than 0 元".into())
            } else if *amount > paid + 0.005 {
                Some(format!("refund {amount} 元 is more than the {paid} 元 paid"))
            } else {
                None
            }
        }
        Action::Resend { .. } => {
            (status == OrderStatus::Unpaid).then(|| "nothing can be resent before the order is paid".into())
        }
        Action::ChangeAddress { to } => {
            if to.trim().is_empty() {
                Some("the new address is empty".into())
            } else {
                matches!(status, OrderStatus::Delivered | OrderStatus::Completed)
                    .then(|| "the parcel is already delivered; the address can no longer change".into())
            }
        }
        Action::Coupon { value } => (!grant.coupons.iter().any(|c| (c.base_value - value).abs() < 0.005)).then(|| {
            let allowed: Vec<String> = grant.coupons.iter().map(|c| c.text.clone()).collect();
            format!("a {value} 元 coupon is not one the agent may send (allowed: {})", allowed.join(", "))
        }),
        Action::Discount { amount } => {
            if status != OrderStatus::Unpaid {
                Some("a price change (改价) is only possible before payment".into())
            } else if *amount > grant.max_discount.base_value + 0.005 {
                Some(format!("a {amount} 元 discount is more than the {} an agent may give", grant.max_discount))
            } else {
                None
            }
        }
        Action::Compensate { amount } => (*amount > grant.max_compensation.base_value + 0.005).then(|| {
            format!("{amount} 元 compensation is more than the {} an agent may grant; escalate instead", grant.max_compensation)
        }),
        Action::CancelOrder => matches!(status, OrderStatus::Shipped | OrderStatus::Delivered | OrderStatus::Completed)
            .then(|| "a shipped order cannot be cancelled; it has to be returned".into()),
        Action::Escalate => None,
    }
}
