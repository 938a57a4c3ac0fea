//! The product catalogue as written: products, their SKUs and typed specs.

use super::common::Text;
use crate::text::quantity::{Duration, Length, Mass, Money, Volume};
use serde::{Deserialize, Serialize};

/// `Catalogue(products: [...])`: one or more files; products from all of them form one catalogue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub products: Vec<Product>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Stable id that scenarios and quiz generators refer to, e.g. `"thermos-500"`.
    pub id: String,
    pub name: Text,
    /// Other words buyers use for it (`"保温杯"`, `"杯子"`).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub category: Text,
    /// The list price shown on the product page.
    pub price: Money,
    /// A picture for the product card, relative to this file; must stay inside the content folder.
    #[serde(default)]
    pub photo: Option<String>,
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub specs: Specs,
    #[serde(default)]
    pub selling_points: Vec<SellingPoint>,
    /// What is in the box.
    #[serde(default)]
    pub included: Vec<Text>,
    /// What buyers may think is included (e.g. shown in the photo) but is not: seed 001's 关切度.
    #[serde(default)]
    pub not_included: Vec<Text>,
    #[serde(default)]
    pub care: Vec<Text>,
    #[serde(default)]
    pub warranty: Option<Warranty>,
    /// For clothing and shoes: which size fits whom.
    #[serde(default)]
    pub size_chart: Vec<SizeRow>,
}

/// One SKU: a colour and/or size with its own stock and, optionally, its own price.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub sku: String,
    #[serde(default)]
    pub colour: Option<Text>,
    #[serde(default)]
    pub size: Option<String>,
    pub stock: u32,
    /// Overrides the product price for this SKU.
    #[serde(default)]
    pub price: Option<Money>,
}

/// Typed specifications. Every field is optional; a fact in a scenario may only
/// point at a field the product actually has.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Specs {
    #[serde(default)]
    pub capacity: Option<Volume>,
    #[serde(default)]
    pub material: Option<Material>,
    #[serde(default)]
    pub dimensions: Option<Dimensions>,
    #[serde(default)]
    pub weight: Option<Mass>,
    #[serde(default)]
    pub ships_from: Option<Text>,
    /// How long after payment the parcel leaves the warehouse, e.g. `"48 h"`.
    #[serde(default)]
    pub dispatch_time: Option<Duration>,
    /// Anything else worth grading, e.g. `"保温时长": "12 h"` kept as display text.
    #[serde(default)]
    pub other: Vec<OtherSpec>,
}

/// A material, with the spellings that count as saying it and the look-alikes that count as wrong.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Material {
    pub name: Text,
    /// Spellings that state it correctly, e.g. `["304", "SUS304", "304不锈钢"]`.
    pub said_as: Vec<String>,
    /// Spellings that state a different material of the same kind, e.g. `["316", "201"]`.
    #[serde(default)]
    pub confused_with: Vec<String>,
}

/// Outer size, length × width × height.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimensions {
    pub length: Length,
    pub width: Length,
    pub height: Length,
}

/// A spec beyond the standard fields, e.g. 保温时长 12小时. To grade it as a fact
/// (`field: other("保温时长")`), give the spellings that state it right and wrong.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OtherSpec {
    pub name: Text,
    pub value: Text,
    /// Spellings that state the value correctly, e.g. `["12小时", "12 hours"]`.
    #[serde(default)]
    pub said_as: Vec<String>,
    /// Spellings that state a wrong value, e.g. `["24小时"]`.
    #[serde(default)]
    pub confused_with: Vec<String>,
}

impl Specs {
    /// The extra spec called `name` in either language.
    pub fn other_named(&self, name: &str) -> Option<&OtherSpec> {
        self.other.iter().find(|spec| spec.name.zh == name || spec.name.en == name)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SellingPoint {
    pub text: Text,
    /// Words that show the agent mentioned this point, in either language.
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Warranty {
    pub length: Duration,
    pub covers: Text,
}

/// One row of a size chart: a size and the body it fits.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SizeRow {
    pub size: String,
    pub height_cm: (u32, u32),
    pub weight_kg: (u32, u32),
}
