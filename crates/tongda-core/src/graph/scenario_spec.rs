//! The graph spec a scenario asks for (here, not in `scenario`, so that the
//! scenario layer does not import the graph layer that comes after it).

use super::GraphSpec;
use crate::scenario::Scenario;
use crate::timemodel::Profile;

impl Scenario {
    /// The graph spec of this scenario for a profile.
    pub fn graph_spec(&self, profile: Profile) -> GraphSpec {
        let mut g = GraphSpec::new(profile, self.spec.year);
        g.statuses = self.spec.statuses.iter().copied().collect();
        g.forced_projects = self.forced_projects.iter().cloned().collect();
        g
    }
}
