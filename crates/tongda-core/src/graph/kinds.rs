//! What the vertices and arcs of a compiled graph stand for (for turning
//! paths into legs, and for re-weighting).

use super::Weight;
use crate::model::NodeIdx;

/// What a routing-graph vertex stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vertex {
    /// The concourse of a model node (trips start and end here).
    Node(NodeIdx),
    /// The arrival side of a station or port (after alighting).
    Arrival(NodeIdx),
    /// On board line `line` (index into [`RoutingGraph::lines`](super::RoutingGraph::lines)), leaving a node.
    Depart(NodeIdx, u32),
    /// On board line `line`, having reached a node.
    Arrive(NodeIdx, u32),
    /// On the road network at a place.
    Road(NodeIdx),
}

/// What a routing-graph arc stands for (for turning paths into legs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EdgeKind {
    /// Riding a scheduled link.
    Ride {
        /// Index into `Network::links`.
        link: u32,
        /// From → to.
        forward: bool,
    },
    /// Driving a road link.
    Road {
        /// Index into `Network::links`.
        link: u32,
        /// From → to.
        forward: bool,
    },
    /// An access connector.
    Access {
        /// Index into `Network::links`.
        link: u32,
        /// From the place to the facility.
        entering: bool,
    },
    /// Boarding a run at a node.
    Board {
        /// The node.
        node: NodeIdx,
        /// The run (index into [`RoutingGraph::lines`](super::RoutingGraph::lines)).
        line: u32,
        /// Seconds waiting (half the headway).
        wait_s: Weight,
        /// Seconds of terminal and approach loss.
        ride_s: Weight,
    },
    /// Alighting (costs the station's approach loss on fast lines).
    Alight {
        /// The node.
        node: NodeIdx,
    },
    /// Staying on board through a node (`pass_stop_s` if the run stops
    /// there, plus two approach losses).
    Through {
        /// The node.
        node: NodeIdx,
    },
    /// Riding a service from one of its calls to the next, through the
    /// stations between.
    Segment {
        /// Index into [`RoutingGraph::segments`](super::RoutingGraph::segments).
        segment: u32,
    },
    /// Boarding a service at one call and riding to a later one, waiting for
    /// the first train at least as fast (`direct.rs`).
    Direct {
        /// Index into [`RoutingGraph::rides`](super::RoutingGraph::rides).
        ride: u32,
    },
    /// Changing line.
    Transfer {
        /// The node.
        node: NodeIdx,
    },
    /// Entering or leaving the road network at a place (parking, urban streets).
    RoadTerminal {
        /// The place.
        node: NodeIdx,
    },
}
