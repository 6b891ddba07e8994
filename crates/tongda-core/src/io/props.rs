//! Typed access to a GeoJSON feature's `properties`, collecting one
//! diagnostic per problem instead of stopping at the first.

use crate::error::Diagnostic;
use serde_json::{Map, Value};
use std::path::Path;

/// Reads properties of one feature, pushing errors into `diags`.
pub(crate) struct Props<'a> {
    pub map: &'a Map<String, Value>,
    pub file: &'a Path,
    pub fid: String,
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Props<'_> {
    pub fn error(&mut self, message: String, fix: &str) {
        self.diags.push(Diagnostic::error(
            self.file,
            Some(self.fid.clone()),
            message,
            fix,
        ));
    }

    /// A required non-empty string.
    pub fn req_str(&mut self, key: &str, fix: &str) -> Option<String> {
        match self.map.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::String(_)) => {
                self.error(format!("property `{key}` is empty"), fix);
                None
            }
            None | Some(Value::Null) => {
                self.error(format!("missing property `{key}`"), fix);
                None
            }
            Some(v) => {
                self.error(
                    format!("property `{key}` must be a string, found {}", kind(v)),
                    fix,
                );
                None
            }
        }
    }

    /// An optional string.
    pub fn opt_str(&mut self, key: &str) -> Option<String> {
        match self.map.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) => None,
            Some(v) => {
                self.error(
                    format!("property `{key}` must be a string, found {}", kind(v)),
                    "write it in double quotes",
                );
                None
            }
        }
    }

    /// An optional number; `Err(())` if present but not a number.
    pub fn opt_f64(&mut self, key: &str) -> Result<Option<f64>, ()> {
        match self.map.get(key) {
            Some(Value::Number(n)) => Ok(n.as_f64()),
            None | Some(Value::Null) => Ok(None),
            Some(v) => {
                self.error(
                    format!("property `{key}` must be a number, found {}", kind(v)),
                    "write a plain number without quotes or units",
                );
                Err(())
            }
        }
    }

    /// An optional integer (a year); `Err(())` if present but not an integer.
    pub fn opt_int(&mut self, key: &str) -> Result<Option<i64>, ()> {
        match self.map.get(key) {
            Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            None | Some(Value::Null) => Ok(None),
            Some(v) => {
                self.error(
                    format!("property `{key}` must be an integer year, found {v}"),
                    "write the year as a whole number without quotes, e.g. 2027",
                );
                Err(())
            }
        }
    }

    /// An optional list of non-empty strings (absent = empty).
    pub fn opt_str_list(&mut self, key: &str) -> Vec<String> {
        match self.map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a))
                if a.iter().all(|v| v.as_str().is_some_and(|s| !s.is_empty())) =>
            {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            }
            Some(v) => {
                self.error(
                    format!("property `{key}` must be a list of ids, found {v}"),
                    "write a JSON array of id strings, e.g. [\"st_chengdudong\", \"st_chengdunan\"]",
                );
                Vec::new()
            }
        }
    }

    /// An optional boolean.
    pub fn opt_bool(&mut self, key: &str) -> Option<bool> {
        match self.map.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            None | Some(Value::Null) => None,
            Some(v) => {
                self.error(
                    format!("property `{key}` must be true or false, found {v}"),
                    "write true or false",
                );
                None
            }
        }
    }
}

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
