//! The typed properties of a feature: each property is read into a
//! [`Prop`] by serde, and each check turns one `Prop` into its value or into
//! the [`Diagnostic`] that names the file, the feature, the problem and the fix.

use crate::error::Diagnostic;
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_json::Value;
use std::fmt::Display;
use std::path::Path;

/// One property as written: absent, of the expected JSON type, or of another
/// type (kept as written, so that its diagnostic can quote it).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Prop<T> {
    /// The key is not there.
    #[default]
    Absent,
    /// A value of the expected type.
    Given(T),
    /// A value of another type (`null` included).
    Other(Value),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Prop<T> {
    /// Never fails on valid JSON: what is not a `T` is kept as [`Prop::Other`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        Ok(match T::deserialize(&v) {
            Ok(t) => Prop::Given(t),
            Err(_) => Prop::Other(v),
        })
    }
}

impl<T> Prop<T> {
    /// What was written, with `null` counted as absent (a property set to
    /// `null` is the same as one left out): `Ok` of the type, `Err` of another.
    pub fn written(&self) -> Option<Result<&T, &Value>> {
        match self {
            Prop::Absent | Prop::Other(Value::Null) => None,
            Prop::Given(t) => Some(Ok(t)),
            Prop::Other(v) => Some(Err(v)),
        }
    }
}

/// Reads a JSON object into `T`, a struct of [`Prop`]s (so that reading
/// cannot fail); anything but an object reads as `T::default()` (serde would
/// otherwise fill a struct from an array, field by field).
pub(crate) fn object<'de, T, V>(v: V) -> T
where
    T: Deserialize<'de> + Default,
    V: Deserializer<'de> + std::borrow::Borrow<Value>,
{
    if std::borrow::Borrow::<Value>::borrow(&v).is_object() {
        T::deserialize(v).unwrap_or_default()
    } else {
        T::default()
    }
}

/// A non-empty string in a list of ids (`main_stations`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NonEmpty(pub String);

impl<'de> Deserialize<'de> for NonEmpty {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.is_empty() {
            return Err(serde::de::Error::invalid_length(0, &"a non-empty id"));
        }
        Ok(NonEmpty(s))
    }
}

/// The fix for a missing `source`, which every feature needs.
pub(crate) const SOURCE_FIX: &str = "name the seed file or the public fact behind the feature";

/// The outcome of one check: the value, or the diagnostic (boxed: a
/// diagnostic is large, and most checks pass).
pub(crate) type Checked<T> = Result<T, Box<Diagnostic>>;

/// What kind of JSON value `v` is, for messages ("a number", "an array").
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// "a, b, c or d": the values a property may take, for a fix message, from
/// the enum's list of all values (so a new variant is offered by itself).
pub(crate) fn one_of<S: Display>(values: impl IntoIterator<Item = S>) -> String {
    let names: Vec<String> = values.into_iter().map(|v| v.to_string()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The value of `all` whose geodata name (`name`) is `s`.
pub(crate) fn parse_choice<T: Copy>(all: &[T], name: fn(T) -> &'static str, s: &str) -> Option<T> {
    all.iter().copied().find(|&x| name(x) == s)
}

/// Where a feature's diagnostics point: its file, and its id (or
/// `feature #N` when it has none).
pub(crate) struct Site<'a> {
    /// The file (or scenario edit) the feature comes from.
    pub file: &'a Path,
    /// The feature's id as written, or `feature #N`.
    pub fid: String,
}

impl Site<'_> {
    /// An error about this feature.
    pub fn error(&self, message: String, fix: &str) -> Box<Diagnostic> {
        Box::new(Diagnostic::error(
            self.file,
            Some(self.fid.clone()),
            message,
            fix,
        ))
    }

    /// A required non-empty string.
    pub fn required_str(&self, key: &str, p: &Prop<String>, fix: &str) -> Checked<String> {
        match p.written() {
            Some(Ok(s)) if !s.trim().is_empty() => Ok(s.clone()),
            Some(Ok(_)) => Err(self.error(format!("property `{key}` is empty"), fix)),
            None => Err(self.error(format!("missing property `{key}`"), fix)),
            Some(Err(v)) => Err(self.error(
                format!("property `{key}` must be a string, found {}", kind(v)),
                fix,
            )),
        }
    }

    /// An optional string.
    pub fn optional_str(&self, key: &str, p: &Prop<String>) -> Checked<Option<String>> {
        p.written().transpose().map(|x| x.cloned()).map_err(|v| {
            self.error(
                format!("property `{key}` must be a string, found {}", kind(v)),
                "write it in double quotes",
            )
        })
    }

    /// An optional number.
    pub fn optional_f64(&self, key: &str, p: &Prop<f64>) -> Checked<Option<f64>> {
        p.written().transpose().map(|x| x.cloned()).map_err(|v| {
            self.error(
                format!("property `{key}` must be a number, found {}", kind(v)),
                "write a plain number without quotes or units",
            )
        })
    }

    /// An optional integer (a year).
    pub fn optional_year(&self, key: &str, p: &Prop<i64>) -> Checked<Option<i64>> {
        p.written().transpose().map(|x| x.cloned()).map_err(|v| {
            self.error(
                format!("property `{key}` must be an integer year, found {v}"),
                "write the year as a whole number without quotes, e.g. 2027",
            )
        })
    }

    /// An optional list of non-empty strings (absent: empty).
    pub fn optional_ids(&self, key: &str, p: &Prop<Vec<NonEmpty>>) -> Checked<Vec<String>> {
        match p.written() {
            None => Ok(Vec::new()),
            Some(Ok(ids)) => Ok(ids.iter().map(|s| s.0.clone()).collect()),
            Some(Err(v)) => Err(self.error(
                format!("property `{key}` must be a list of ids, found {v}"),
                "write a JSON array of id strings, e.g. [\"st_chengdudong\", \"st_chengdunan\"]",
            )),
        }
    }

    /// An optional boolean.
    pub fn optional_bool(&self, key: &str, p: &Prop<bool>) -> Checked<Option<bool>> {
        p.written().transpose().map(|x| x.cloned()).map_err(|v| {
            self.error(
                format!("property `{key}` must be true or false, found {v}"),
                "write true or false",
            )
        })
    }
}

/// The diagnostics of one feature, in the order its checks run.
pub(crate) struct Findings<'a> {
    /// The feature.
    pub site: Site<'a>,
    /// Where the diagnostics go.
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Findings<'_> {
    /// The value of a check, or `None` with its diagnostic recorded.
    pub fn keep<T>(&mut self, checked: Checked<T>) -> Option<T> {
        checked.map_err(|d| self.diags.push(*d)).ok()
    }

    /// A required non-empty string ([`Site::required_str`]).
    pub fn required_str(&mut self, key: &str, p: &Prop<String>, fix: &str) -> Option<String> {
        let checked = self.site.required_str(key, p, fix);
        self.keep(checked)
    }

    /// An optional string ([`Site::optional_str`]); `None` also if it is wrong.
    pub fn optional_str(&mut self, key: &str, p: &Prop<String>) -> Option<String> {
        let checked = self.site.optional_str(key, p);
        self.keep(checked).flatten()
    }

    /// An optional boolean ([`Site::optional_bool`]); `None` also if it is wrong.
    pub fn optional_bool(&mut self, key: &str, p: &Prop<bool>) -> Option<bool> {
        let checked = self.site.optional_bool(key, p);
        self.keep(checked).flatten()
    }

    /// An optional number ([`Site::optional_f64`]); `None` also if it is wrong.
    pub fn optional_f64(&mut self, key: &str, p: &Prop<f64>) -> Option<f64> {
        let checked = self.site.optional_f64(key, p);
        self.keep(checked).flatten()
    }

    /// Records an error about the feature.
    pub fn error(&mut self, message: String, fix: &str) {
        let d = self.site.error(message, fix);
        self.diags.push(*d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mode, Status};

    #[test]
    fn props_keep_what_is_not_their_type() {
        let p: Prop<f64> = serde_json::from_str("\"12\"").unwrap();
        assert_eq!(p, Prop::Other(Value::from("12")));
        let p: Prop<i64> = serde_json::from_str("2027.0").unwrap();
        assert!(matches!(p, Prop::Other(_)));
        let p: Prop<u64> = serde_json::from_str("-3").unwrap();
        assert!(matches!(p, Prop::Other(_)));
        let p: Prop<Vec<NonEmpty>> = serde_json::from_str("[\"a\", \"\"]").unwrap();
        assert!(matches!(p, Prop::Other(_)));
        let p: Prop<String> = serde_json::from_str("null").unwrap();
        assert_eq!(p.written(), None);
    }

    #[test]
    fn allowed_values_come_from_the_enums() {
        assert_eq!(
            one_of(Status::ALL.map(Status::as_str)),
            "open, under_construction, planned or proposed"
        );
        assert_eq!(
            one_of(Mode::ALL.into_iter().filter(|m| m.is_road())),
            "expressway or highway"
        );
        assert_eq!(one_of(["x"]), "x");
        assert_eq!(
            parse_choice(&Mode::ALL, Mode::as_str, "waterway"),
            Some(Mode::Waterway)
        );
    }
}
