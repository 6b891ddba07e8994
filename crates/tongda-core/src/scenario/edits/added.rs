//! `add_links` / `add_link`: the links are read with the geodata (same
//! loader, same checks); the edit only reports them.

use super::{Apply, Edited};

/// Links already added when the network was loaded.
#[derive(Debug)]
struct Added {
    ids: Vec<String>,
    from: String,
}

/// The added links `ids`, read from `from` (a file, or "inline").
pub(super) fn resolve(ids: &[String], from: &str) -> Box<dyn Apply> {
    Box::new(Added {
        ids: ids.to_vec(),
        from: from.to_string(),
    })
}

impl Apply for Added {
    fn apply(&self, _: &mut Edited) -> String {
        format!(
            "added {} link(s) from {}: {}",
            self.ids.len(),
            self.from,
            self.ids.join(", ")
        )
    }
}
