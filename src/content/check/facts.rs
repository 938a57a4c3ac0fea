//! Pass `facts`: a fact in a rubric must point at a field the product (or the
//! shop policy) actually has, or the grader would have nothing to compare with.

use crate::text::{Quoted, quoted_list};
use super::{Context, in_node};
use crate::content::diagnostic::Diagnostic;
use crate::content::raw::{FactRef, Node, PolicyField, Product, ProductField, ShopPolicy};
use crate::content::source::quoted;

pub fn run(context: &Context, out: &mut Vec<Diagnostic>) {
    for (source, scenario) in &context.scenarios {
        for (node_id, node) in scenario.nodes.iter() {
            let Node::Agent { rubric, .. } = node else { continue };
            for fact in &rubric.facts {
                match fact {
                    FactRef::Spec { product, field, sku } => {
                        let Some((_, product)) = context.products.get(product.as_str()) else { continue };
                        if let Some(problem) = product_lacks(product, field, sku.as_deref()) {
                            out.push(
                                source
                                    .error("missing-field", in_node(source, node_id, &quoted(&product.id)), format!("product {} {problem}", Quoted(&product.id)))
                                    .with_help("add the field to the catalogue, or bind the fact to another field"),
                            );
                        }
                    }
                    FactRef::Policy { field, courier } => {
                        let Some(policy) = context.policy_for(scenario) else { continue };
                        if let Some(problem) = policy_lacks(policy, *field, courier.as_deref()) {
                            out.push(source.error(
                                "missing-field",
                                in_node(source, node_id, "Policy"),
                                format!("shop policy {} {problem}", Quoted(&policy.id)),
                            ));
                        }
                    }
                }
            }
        }
    }
}

/// What is missing for `field`, if anything.
fn product_lacks(product: &Product, field: &ProductField, sku: Option<&str>) -> Option<String> {
    let specs = &product.specs;
    let missing = match field {
        ProductField::Capacity => specs.capacity.is_none(),
        ProductField::Material => specs.material.is_none(),
        ProductField::Dimensions => specs.dimensions.is_none(),
        ProductField::Weight => specs.weight.is_none(),
        ProductField::ShipsFrom => specs.ships_from.is_none(),
        ProductField::DispatchTime => specs.dispatch_time.is_none(),
        ProductField::Warranty => product.warranty.is_none(),
        ProductField::Included => product.included.is_empty(),
        ProductField::NotIncluded => product.not_included.is_empty(),
        ProductField::SizeChart => product.size_chart.is_empty(),
        ProductField::SellingPoints => product.selling_points.is_empty(),
        ProductField::Care => product.care.is_empty(),
        ProductField::Colours => !product.variants.iter().any(|v| v.colour.is_some()),
        ProductField::Price => false,
        ProductField::Other(name) => {
            return match specs.other_named(name) {
                None => {
                    let known: Vec<&str> = specs.other.iter().map(|o| o.name.zh.as_str()).collect();
                    Some(format!("has no extra spec named {} (it has: {})", Quoted(name), quoted_list(&known)))
                }
                Some(spec) if spec.said_as.is_empty() => Some(format!(
                    "spec {} has no `said_as` spellings, so the grader cannot tell when it is stated", Quoted(name)
                )),
                Some(_) => None,
            };
        }
        ProductField::Stock => {
            if sku.is_none() && product.variants.len() > 1 {
                return Some(format!(
                    "has {} SKUs, so a stock fact must name one with `sku: \"...\"`",
                    product.variants.len()
                ));
            }
            false
        }
    };
    missing.then(|| format!("has no {}", field_name(field)))
}

fn field_name(field: &ProductField) -> &'static str {
    match field {
        ProductField::Capacity => "capacity",
        ProductField::Material => "material",
        ProductField::Dimensions => "dimensions",
        ProductField::Weight => "weight",
        ProductField::Price => "price",
        ProductField::Stock => "stock",
        ProductField::ShipsFrom => "ships_from",
        ProductField::DispatchTime => "dispatch_time",
        ProductField::Warranty => "warranty",
        ProductField::Included => "included items",
        ProductField::NotIncluded => "not_included items",
        ProductField::SizeChart => "size_chart",
        ProductField::SellingPoints => "selling_points",
        ProductField::Colours => "colour on any SKU",
        ProductField::Care => "care instructions",
        ProductField::Other(_) => "such extra spec",
    }
}

fn policy_lacks(policy: &ShopPolicy, field: PolicyField, courier: Option<&str>) -> Option<String> {
    if courier.is_some() && field != PolicyField::CourierTransit {
        return Some("only `courier_transit` takes a `courier`".to_string());
    }
    match field {
        PolicyField::ReturnShippingPayer(reason) => (!policy.returns.return_shipping.iter().any(|r| r.reason == reason))
            .then(|| format!("does not say who pays return shipping for {}", reason.name())),
        PolicyField::CourierCoverage => (!policy.couriers.iter().any(|c| !c.does_not_reach.is_empty()))
            .then(|| "lists no region any courier does not reach".to_string()),
        PolicyField::CourierTransit => {
            let id = courier.unwrap_or(&policy.dispatch.default_courier);
            (!policy.couriers.iter().any(|c| c.id == id)).then(|| format!("has no courier {}", Quoted(id)))
        }
        PolicyField::CancellationRefundWithin => policy
            .returns
            .cancellation_refund_within
            .is_none()
            .then(|| "does not say `cancellation_refund_within`".to_string()),
        PolicyField::CouponValues => {
            policy.agent_may_grant.coupons.is_empty().then(|| "lists no coupon values".to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_fact_on_a_field_the_product_lacks() {
        let scenario = SCENARIO.replace("field: dispatch_time", "field: material");
        let report = check_with(&scenario, &[]);
        let d = report.diagnostics.iter().find(|d| d.code == "missing-field").expect("reported");
        assert!(d.message.contains("has no material"), "{}", d.message);
        assert_eq!(d.line, scenario.lines().position(|l| l.contains("field: material")).unwrap() + 1);
    }

    #[test]
    fn stock_of_a_multi_sku_product_needs_a_sku() {
        let scenario = SCENARIO.replace("field: dispatch_time", "field: stock");
        assert!(codes(&check_with(&scenario, &[])).contains(&"missing-field"));
        let with_sku = SCENARIO.replace("field: dispatch_time", "field: stock, sku: \"cup-white\"");
        assert!(!codes(&check_with(&with_sku, &[])).contains(&"missing-field"));
    }

    #[test]
    fn an_extra_spec_fact_needs_the_spec_and_its_spellings() {
        let scenario = SCENARIO.replace("field: dispatch_time", "field: other(\"保温时长\")");
        let report = check_with(&scenario, &[]);
        assert!(report.diagnostics.iter().any(|d| d.code == "missing-field" && d.message.contains("保温时长")));
    }

    #[test]
    fn courier_transit_names_a_known_courier() {
        let ok = SCENARIO.replace(
            "Spec(product: \"cup\", field: dispatch_time)",
            "Policy(field: courier_transit, courier: \"zto\")",
        );
        assert!(!codes(&check_with(&ok, &[])).contains(&"missing-field"));
        let bad = ok.replace("courier: \"zto\"", "courier: \"dhl\"");
        assert!(codes(&check_with(&bad, &[])).contains(&"missing-field"));
    }

    #[test]
    fn a_policy_fact_needs_a_rule_for_its_reason() {
        let scenario = SCENARIO.replace(
            "Spec(product: \"cup\", field: dispatch_time)",
            "Policy(field: return_shipping_payer(QualityProblem))",
        );
        assert!(codes(&check_with(&scenario, &[])).contains(&"missing-field"));
    }
}
