//! The shop's policy as written: returns, who pays return shipping, what an agent may grant, couriers.

use super::common::Text;
use crate::text::quantity::{Duration, Money};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ShopPolicy {
    pub id: String,
    pub shop_name: Text,
    pub returns: Returns,
    pub agent_may_grant: AgentAuthority,
    pub couriers: Vec<Courier>,
    pub dispatch: Dispatch,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Returns {
    /// 7天无理由退货: days after delivery in which a buyer may return without a reason.
    pub no_reason_days: u32,
    /// Who pays the return postage, per reason for the return.
    pub return_shipping: Vec<ReturnShippingRule>,
    /// Whether the shop buys 运费险 (return-shipping insurance) for every order.
    #[serde(default)]
    pub shipping_insurance: bool,
    /// How soon a refund is issued after the returned parcel is received.
    pub refund_within: Duration,
    /// How soon a paid order cancelled before shipping is refunded.
    #[serde(default)]
    pub cancellation_refund_within: Option<Duration>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnShippingRule {
    pub reason: ReturnReason,
    pub paid_by: Payer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
// Variant names are spelled out: records and fact ids hold them (see ids.rs).
pub enum ReturnReason {
    #[serde(rename = "NoReason")]
    NoReason,
    #[serde(rename = "WrongItem")]
    WrongItem,
    #[serde(rename = "QualityProblem")]
    QualityProblem,
    #[serde(rename = "DamagedInTransit")]
    DamagedInTransit,
    #[serde(rename = "NotAsDescribed")]
    NotAsDescribed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Payer {
    Buyer,
    Shop,
}

/// What a front-line agent may give without asking a supervisor.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgentAuthority {
    /// Coupon face values the agent may send.
    pub coupons: Vec<Money>,
    /// Largest price cut (改价) on one order.
    pub max_discount: Money,
    /// Largest goodwill compensation (补偿) on one order without escalating.
    pub max_compensation: Money,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Courier {
    pub id: String,
    pub name: Text,
    /// Typical door-to-door time.
    pub usual_transit: Duration,
    /// Regions this courier does not deliver to (or only to a pick-up point).
    #[serde(default)]
    pub does_not_reach: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dispatch {
    /// The shop's promise, e.g. `"48 h"` after payment.
    pub within: Duration,
    /// Orders paid before this time of day leave the same day, e.g. `"16:00"`.
    pub same_day_cutoff: String,
    /// The courier used unless the buyer asks otherwise.
    pub default_courier: String,
}
