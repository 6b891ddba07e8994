//! `set_range`: sets or overrides an uncertain input (a speed or opening
//! year range) for robustness draws; the network itself is unchanged.

use super::{Apply, EditError, Edited};
use crate::io::ranges::{resolve_range, RangeSpec};
use crate::model::{Network, Uncertain};

/// Inputs that replace the network's inputs of the same id.
#[derive(Debug)]
struct SetRange(Vec<Uncertain>);

/// The range table checked as `ranges.toml`'s are; the first problem is the message.
pub(super) fn resolve(net: &Network, spec: &RangeSpec) -> Result<Box<dyn Apply>, EditError> {
    match resolve_range(spec, net) {
        Ok(inputs) => Ok(Box::new(SetRange(inputs))),
        Err(mut problems) => {
            let (message, fix) = problems.remove(0);
            Err(EditError { message, fix })
        }
    }
}

impl Apply for SetRange {
    fn apply(&self, ed: &mut Edited) -> String {
        let mut parts = Vec::new();
        for input in &self.0 {
            let old = ed.ranges.iter().position(|r| r.id == input.id);
            let was = old.map_or("none".to_string(), |i| {
                format!("{}–{}", ed.ranges[i].low, ed.ranges[i].high)
            });
            parts.push(format!(
                "{} {}–{}{} (was {was})",
                input.label,
                input.low,
                input.high,
                input.kind.unit()
            ));
            match old {
                Some(i) => ed.ranges[i] = input.clone(),
                None => ed.ranges.push(input.clone()),
            }
        }
        format!("range: {}", parts.join("; "))
    }
}
