//! A compressed-sparse-row directed graph with `u32` vertex ids and `u32`
//! weights (seconds): 8 bytes per arc plus 4 bytes per vertex.

/// Vertex id in a [`CsrGraph`].
pub type VertexId = u32;
/// Arc weight (seconds for the region network).
pub type Weight = u32;
/// Distance of an unreached vertex.
pub const INFINITY: Weight = u32::MAX;

/// An immutable directed graph in CSR form. Arcs leaving `v` are
/// `first_arc(v)..first_arc(v + 1)`; arc ids are stable, so callers can keep
/// per-arc side tables (see [`CsrGraph::from_arcs`]).
///
/// ```
/// use tongda_sssp::CsrGraph;
/// let g = CsrGraph::from_arcs(3, &[(0, 1, 5), (1, 2, 7), (0, 2, 20)]).0;
/// assert_eq!(g.num_vertices(), 3);
/// assert_eq!(g.num_arcs(), 3);
/// let out: Vec<_> = g.arcs(0).map(|a| (g.head(a), g.weight(a))).collect();
/// assert_eq!(out, vec![(1, 5), (2, 20)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CsrGraph {
    first: Vec<u32>,
    head: Vec<VertexId>,
    weight: Vec<Weight>,
}

impl CsrGraph {
    /// Builds the graph from `(tail, head, weight)` arcs. Returns the graph and,
    /// for each CSR arc id, the index of the input arc it came from (arcs keep
    /// their input order among those leaving the same vertex).
    ///
    /// Panics if an endpoint is `>= n` (a programming error, not user input).
    pub fn from_arcs(n: usize, arcs: &[(VertexId, VertexId, Weight)]) -> (CsrGraph, Vec<u32>) {
        let mut first = vec![0u32; n + 1];
        for &(t, h, _) in arcs {
            assert!(
                (t as usize) < n && (h as usize) < n,
                "arc endpoint out of range"
            );
            first[t as usize + 1] += 1;
        }
        for v in 0..n {
            first[v + 1] += first[v];
        }
        let mut next = first.clone();
        let mut head = vec![0; arcs.len()];
        let mut weight = vec![0; arcs.len()];
        let mut order = vec![0; arcs.len()];
        for (i, &(t, h, w)) in arcs.iter().enumerate() {
            let slot = next[t as usize] as usize;
            next[t as usize] += 1;
            head[slot] = h;
            weight[slot] = w;
            order[slot] = i as u32;
        }
        (
            CsrGraph {
                first,
                head,
                weight,
            },
            order,
        )
    }

    /// Number of vertices.
    #[inline]
    pub fn num_vertices(&self) -> usize {
        self.first.len().saturating_sub(1)
    }

    /// Number of arcs.
    #[inline]
    pub fn num_arcs(&self) -> usize {
        self.head.len()
    }

    /// Ids of the arcs leaving `v`.
    #[inline]
    pub fn arcs(&self, v: VertexId) -> std::ops::Range<u32> {
        self.first[v as usize]..self.first[v as usize + 1]
    }

    /// Head (target) of arc `a`.
    #[inline]
    pub fn head(&self, a: u32) -> VertexId {
        self.head[a as usize]
    }

    /// Weight of arc `a`.
    #[inline]
    pub fn weight(&self, a: u32) -> Weight {
        self.weight[a as usize]
    }

    /// The arc weights, to re-weight the graph in place (the topology stays).
    pub fn weights_mut(&mut self) -> &mut [Weight] {
        &mut self.weight
    }

    /// The raw arrays `(first, head, weight)`, for tight loops.
    #[inline]
    pub fn raw(&self) -> (&[u32], &[VertexId], &[Weight]) {
        (&self.first, &self.head, &self.weight)
    }

    /// Bytes of memory held by the arrays.
    pub fn memory_bytes(&self) -> usize {
        4 * (self.first.len() + self.head.len() + self.weight.len())
    }

    /// The same graph with vertex `v` renamed `new_id[v]` (a permutation of
    /// `0..n`). Arcs leaving a vertex keep their order. Panics if `new_id` is
    /// not a permutation of the right length (a programming error).
    ///
    /// ```
    /// use tongda_sssp::CsrGraph;
    /// let g = CsrGraph::from_arcs(3, &[(0, 1, 5), (1, 2, 7)]).0;
    /// let p = g.permuted(&[2, 1, 0]);
    /// let out: Vec<_> = p.arcs(2).map(|a| (p.head(a), p.weight(a))).collect();
    /// assert_eq!(out, vec![(1, 5)]);
    /// ```
    pub fn permuted(&self, new_id: &[VertexId]) -> CsrGraph {
        let n = self.num_vertices();
        assert_eq!(new_id.len(), n, "permutation has the wrong length");
        let mut old_of = vec![u32::MAX; n];
        for (old, &new) in new_id.iter().enumerate() {
            assert!(
                (new as usize) < n && old_of[new as usize] == u32::MAX,
                "not a permutation"
            );
            old_of[new as usize] = old as u32;
        }
        let mut first = Vec::with_capacity(n + 1);
        let mut head = Vec::with_capacity(self.num_arcs());
        let mut weight = Vec::with_capacity(self.num_arcs());
        first.push(0);
        for &old in &old_of {
            for a in self.arcs(old) {
                head.push(new_id[self.head(a) as usize]);
                weight.push(self.weight(a));
            }
            first.push(head.len() as u32);
        }
        CsrGraph {
            first,
            head,
            weight,
        }
    }

    /// A cache-friendly vertex order: `new_id[v]` for every `v`, numbering
    /// vertices in breadth-first order (following arcs and reverse arcs) from
    /// vertex 0, then from the smallest unnumbered vertex, and so on. Vertices
    /// close in the graph get close ids, so a sweep touches fewer cache lines.
    /// Deterministic.
    pub fn bfs_order(&self) -> Vec<VertexId> {
        let n = self.num_vertices();
        // Undirected adjacency, so one-way streets do not split the order.
        let mut deg = vec![0u32; n + 1];
        for v in 0..n as u32 {
            for a in self.arcs(v) {
                deg[v as usize + 1] += 1;
                deg[self.head(a) as usize + 1] += 1;
            }
        }
        for v in 0..n {
            deg[v + 1] += deg[v];
        }
        let mut fill = deg.clone();
        let mut adj = vec![0u32; deg[n] as usize];
        for v in 0..n as u32 {
            for a in self.arcs(v) {
                let h = self.head(a);
                adj[fill[v as usize] as usize] = h;
                fill[v as usize] += 1;
                adj[fill[h as usize] as usize] = v;
                fill[h as usize] += 1;
            }
        }
        let mut new_id = vec![u32::MAX; n];
        let mut queue: Vec<u32> = Vec::with_capacity(n);
        let mut next = 0u32;
        for root in 0..n as u32 {
            if new_id[root as usize] != u32::MAX {
                continue;
            }
            let start = queue.len();
            queue.push(root);
            new_id[root as usize] = next;
            next += 1;
            let mut i = start;
            while i < queue.len() {
                let v = queue[i] as usize;
                i += 1;
                for &w in &adj[deg[v] as usize..deg[v + 1] as usize] {
                    if new_id[w as usize] == u32::MAX {
                        new_id[w as usize] = next;
                        next += 1;
                        queue.push(w);
                    }
                }
            }
        }
        new_id
    }
}
