//! Typed quantities with units (`500 ml`, `1 斤`, `48 小时`, `¥129`), normalised to one base unit per dimension.
//!
//! Content files write quantities as short strings so a trainer can read them;
//! this module turns them into numbers the grader can compare (500 ml = 0.5 L).
//! Chinese numerals in buyer/trainee text are the grading layer's concern; here
//! the number part is written in digits.

use super::Quoted;
use std::fmt;

/// What a quantity measures. Each has one base unit in which `Quantity::base_value` is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Base unit: millilitre.
    Volume,
    /// Base unit: gram.
    Mass,
    /// Base unit: millimetre.
    Length,
    /// Base unit: hour.
    Duration,
    /// Base unit: yuan (元).
    Money,
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dimension::Volume => "volume",
            Dimension::Mass => "mass (weight)",
            Dimension::Length => "length",
            Dimension::Duration => "duration",
            Dimension::Money => "amount of money",
        })
    }
}

impl Dimension {
    pub fn base_unit(self) -> &'static str {
        match self {
            Dimension::Volume => "ml",
            Dimension::Mass => "g",
            Dimension::Length => "mm",
            Dimension::Duration => "h",
            Dimension::Money => "元",
        }
    }
}

/// A number with a unit, as written (`text`) and in the base unit of its dimension.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    pub text: String,
    pub base_value: f64,
    pub dimension: Dimension,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuantityError {
    #[error("{} has no number; write it like \"500 ml\"", Quoted(.0))]
    NoNumber(String),
    #[error("{} has no unit; add one of: {expected}", Quoted(.text))]
    NoUnit { text: String, expected: String },
    #[error("unknown unit {} in {}; known units: {expected}", Quoted(.unit), Quoted(.text))]
    UnknownUnit { text: String, unit: String, expected: String },
    #[error("{} is a {found} but a {wanted} was expected (units: {expected})", Quoted(.text))]
    WrongDimension { text: String, found: Dimension, wanted: Dimension, expected: String },
}

/// Unit spellings and their factor to the dimension's base unit. Longest spellings
/// are tried first so `毫升` is not read as `升`.
const UNITS: &[(&str, Dimension, f64)] = &[
    ("ml", Dimension::Volume, 1.0),
    ("毫升", Dimension::Volume, 1.0),
    ("l", Dimension::Volume, 1000.0),
    ("litre", Dimension::Volume, 1000.0),
    ("litres", Dimension::Volume, 1000.0),
    ("liter", Dimension::Volume, 1000.0),
    ("liters", Dimension::Volume, 1000.0),
    ("升", Dimension::Volume, 1000.0),
    ("g", Dimension::Mass, 1.0),
    ("克", Dimension::Mass, 1.0),
    ("kg", Dimension::Mass, 1000.0),
    ("公斤", Dimension::Mass, 1000.0),
    ("千克", Dimension::Mass, 1000.0),
    ("斤", Dimension::Mass, 500.0),
    ("mm", Dimension::Length, 1.0),
    ("毫米", Dimension::Length, 1.0),
    ("cm", Dimension::Length, 10.0),
    ("厘米", Dimension::Length, 10.0),
    ("m", Dimension::Length, 1000.0),
    ("inch", Dimension::Length, 25.4),
    ("inches", Dimension::Length, 25.4),
    ("英寸", Dimension::Length, 25.4),
    // In shop talk "15.6寸" means inches (a laptop), not the traditional cun.
    ("寸", Dimension::Length, 25.4),
    ("米", Dimension::Length, 1000.0),
    ("min", Dimension::Duration, 1.0 / 60.0),
    ("分钟", Dimension::Duration, 1.0 / 60.0),
    ("h", Dimension::Duration, 1.0),
    ("hour", Dimension::Duration, 1.0),
    ("hours", Dimension::Duration, 1.0),
    ("小时", Dimension::Duration, 1.0),
    ("d", Dimension::Duration, 24.0),
    ("day", Dimension::Duration, 24.0),
    ("days", Dimension::Duration, 24.0),
    ("天", Dimension::Duration, 24.0),
    ("months", Dimension::Duration, 24.0 * 30.0),
    ("个月", Dimension::Duration, 24.0 * 30.0),
    ("月", Dimension::Duration, 24.0 * 30.0),
    ("周", Dimension::Duration, 24.0 * 7.0),
    ("星期", Dimension::Duration, 24.0 * 7.0),
    ("week", Dimension::Duration, 24.0 * 7.0),
    ("weeks", Dimension::Duration, 24.0 * 7.0),
    ("years", Dimension::Duration, 24.0 * 365.0),
    ("year", Dimension::Duration, 24.0 * 365.0),
    ("年", Dimension::Duration, 24.0 * 365.0),
    ("元", Dimension::Money, 1.0),
    ("yuan", Dimension::Money, 1.0),
    ("rmb", Dimension::Money, 1.0),
    ("块", Dimension::Money, 1.0),
];

/// The longest unit spelling at the start of `text`, if any. An ASCII unit must
/// end at a word boundary, so "5 meters" is not read as "5 m".
pub fn unit_prefix(text: &str) -> Option<(&'static str, Dimension, f64)> {
    UNITS
        .iter()
        .filter(|(spelling, _, _)| {
            text.starts_with(spelling)
                && !(spelling.is_ascii()
                    && text[spelling.len()..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric()))
        })
        .max_by_key(|(spelling, _, _)| spelling.len())
        .copied()
}

fn units_of(dimension: Dimension) -> String {
    UNITS
        .iter()
        .filter(|(_, d, _)| *d == dimension)
        .map(|(u, _, _)| *u)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Quantity {
    /// Parses `"500 ml"`, `"0.5L"`, `"¥129"`, `"129.00元"`, `"48 小时"`, `"1斤"`.
    pub fn parse(text: &str) -> Result<Quantity, QuantityError> {
        let folded = super::fold_width(text.trim());
        let (money_sign, rest) = match folded.strip_prefix('¥') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, folded.as_str()),
        };
        let number_len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        let number: f64 = rest[..number_len]
            .parse()
            .map_err(|_| QuantityError::NoNumber(text.to_string()))?;
        let unit = rest[number_len..].trim();
        if unit.is_empty() {
            if money_sign {
                return Ok(Quantity { text: text.to_string(), base_value: number, dimension: Dimension::Money });
            }
            return Err(QuantityError::NoUnit { text: text.to_string(), expected: "ml, g, cm, h, 天, 元 ...".into() });
        }
        match UNITS.iter().find(|(spelling, _, _)| *spelling == unit) {
            Some((_, dimension, factor)) => {
                Ok(Quantity { text: text.to_string(), base_value: number * factor, dimension: *dimension })
            }
            None => Err(QuantityError::UnknownUnit {
                text: text.to_string(),
                unit: unit.to_string(),
                expected: "ml, L, litres, g, kg, 斤, mm, cm, m, inch, h, hours, 天, days, 月, 年, 元".into(),
            }),
        }
    }

    /// Parses and insists on one dimension (a capacity must be a volume).
    pub fn parse_as(text: &str, wanted: Dimension) -> Result<Quantity, QuantityError> {
        let quantity = Quantity::parse(text)?;
        if quantity.dimension != wanted {
            return Err(QuantityError::WrongDimension {
                text: text.to_string(),
                found: quantity.dimension,
                wanted,
                expected: units_of(wanted),
            });
        }
        Ok(quantity)
    }

    /// True when two quantities of the same dimension are equal within a relative 0.1 %.
    pub fn same_amount(&self, other: &Quantity) -> bool {
        self.dimension == other.dimension
            && (self.base_value - other.base_value).abs() <= 0.001 * self.base_value.abs().max(1e-9)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Serde glue: a quantity field of dimension `D` deserialises from a string and
/// reports a bad unit through serde, so ron attaches the file position.
macro_rules! quantity_field {
    ($name:ident, $dimension:expr, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name(pub Quantity);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Quantity::parse_as(&text, $dimension).map($name).map_err(serde::de::Error::custom)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0.text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0.text)
            }
        }

        impl std::ops::Deref for $name {
            type Target = Quantity;
            fn deref(&self) -> &Quantity {
                &self.0
            }
        }
    };
}

quantity_field!(Volume, Dimension::Volume, "A volume such as `\"500 ml\"` or `\"1.5 L\"`.");
quantity_field!(Mass, Dimension::Mass, "A mass such as `\"320 g\"` or `\"1 斤\"`.");
quantity_field!(Length, Dimension::Length, "A length such as `\"24 cm\"`.");
quantity_field!(Duration, Dimension::Duration, "A duration such as `\"48 h\"`, `\"2 天\"` or `\"1 年\"`.");
quantity_field!(Money, Dimension::Money, "An amount of money such as `\"129 元\"` or `\"¥9.9\"`.");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes_in_any_spelling_are_the_same_amount() {
        let a = Quantity::parse("500 ml").unwrap();
        for other in ["500ml", "500 mL", "0.5L", "500毫升", "０.５Ｌ"] {
            assert!(a.same_amount(&Quantity::parse(other).unwrap()), "{other}");
        }
        assert!(!a.same_amount(&Quantity::parse("400 ml").unwrap()));
    }

    #[test]
    fn jin_is_half_a_kilo_and_days_are_hours() {
        assert_eq!(Quantity::parse("1斤").unwrap().base_value, 500.0);
        assert!(Quantity::parse("2天").unwrap().same_amount(&Quantity::parse("48小时").unwrap()));
        assert!(Quantity::parse("1 day").unwrap().same_amount(&Quantity::parse("24 hours").unwrap()));
        assert!(Quantity::parse("22 litres").unwrap().same_amount(&Quantity::parse("22L").unwrap()));
        assert_eq!(Quantity::parse("15.6 inch").unwrap().dimension, Dimension::Length);
    }

    #[test]
    fn money_accepts_yen_sign_and_yuan() {
        let a = Quantity::parse("¥129").unwrap();
        assert_eq!(a.dimension, Dimension::Money);
        assert!(a.same_amount(&Quantity::parse("129.00元").unwrap()));
    }

    #[test]
    fn wrong_dimension_and_unknown_unit_are_errors() {
        assert!(matches!(
            Quantity::parse_as("500 g", Dimension::Volume),
            Err(QuantityError::WrongDimension { .. })
        ));
        assert!(matches!(Quantity::parse("5 furlongs"), Err(QuantityError::UnknownUnit { .. })));
        assert!(matches!(Quantity::parse("ml"), Err(QuantityError::NoNumber(_))));
        assert!(matches!(Quantity::parse("500"), Err(QuantityError::NoUnit { .. })));
    }

    #[test]
    fn a_bad_unit_in_ron_carries_a_position() {
        #[derive(serde::Deserialize, Debug)]
        struct Holder {
            #[allow(dead_code)]
            capacity: Volume,
        }
        let error = ron::from_str::<Holder>("(\n  capacity: \"500 g\",\n)").unwrap_err();
        assert_eq!(error.span.start.line, 2);
        assert!(error.code.to_string().contains("is a mass (weight) but a volume was expected"), "{}", error.code);
    }
}
