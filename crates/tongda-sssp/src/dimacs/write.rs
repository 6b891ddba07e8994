//! Writing `.gr` and `.co` files.

use crate::{VertexId, Weight};
use std::io::{self, Write};

/// Appends the decimal digits of `v` to `buf`.
#[inline]
fn push_u64(buf: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf.extend_from_slice(&tmp[i..]);
}

fn push_i32(buf: &mut Vec<u8>, v: i32) {
    if v < 0 {
        buf.push(b'-');
    }
    push_u64(buf, u64::from(v.unsigned_abs()));
}

fn comments(buf: &mut Vec<u8>, lines: &[&str]) {
    for c in lines {
        for l in c.lines() {
            buf.extend_from_slice(b"c ");
            buf.extend_from_slice(l.as_bytes());
            buf.push(b'\n');
        }
    }
}

/// Bytes gathered before a write.
const CHUNK: usize = 1 << 16;

/// Writes the comment lines, the problem line `problem` writes, then one
/// line per item (`line` writes it), in chunks of about [`CHUNK`] bytes.
fn write_lines<W: Write, T>(
    mut out: W,
    comment: &[&str],
    problem: impl FnOnce(&mut Vec<u8>),
    items: impl IntoIterator<Item = T>,
    mut line: impl FnMut(&mut Vec<u8>, T),
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(CHUNK);
    comments(&mut buf, comment);
    problem(&mut buf);
    buf.push(b'\n');
    for item in items {
        line(&mut buf, item);
        buf.push(b'\n');
        if buf.len() > CHUNK - 64 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

/// Writes a `.gr` file: comment lines, the problem line, then the arcs in order.
pub fn write_gr<W: Write>(
    out: W,
    num_vertices: usize,
    arcs: &[(VertexId, VertexId, Weight)],
    comment: &[&str],
) -> io::Result<()> {
    let problem = |buf: &mut Vec<u8>| {
        buf.extend_from_slice(b"p sp ");
        push_u64(buf, num_vertices as u64);
        buf.push(b' ');
        push_u64(buf, arcs.len() as u64);
    };
    write_lines(out, comment, problem, arcs, |buf, &(t, h, w)| {
        buf.extend_from_slice(b"a ");
        push_u64(buf, u64::from(t) + 1);
        buf.push(b' ');
        push_u64(buf, u64::from(h) + 1);
        buf.push(b' ');
        push_u64(buf, u64::from(w));
    })
}

/// Writes a `.co` file for vertices `0..coords.len()`.
pub fn write_co<W: Write>(out: W, coords: &[(i32, i32)], comment: &[&str]) -> io::Result<()> {
    let problem = |buf: &mut Vec<u8>| {
        buf.extend_from_slice(b"p aux sp co ");
        push_u64(buf, coords.len() as u64);
    };
    write_lines(
        out,
        comment,
        problem,
        coords.iter().enumerate(),
        |buf, (i, &(x, y))| {
            buf.extend_from_slice(b"v ");
            push_u64(buf, i as u64 + 1);
            buf.push(b' ');
            push_i32(buf, x);
            buf.push(b' ');
            push_i32(buf, y);
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_written_line_by_line_as_dimacs_spells_them() {
        let mut gr = Vec::new();
        write_gr(&mut gr, 3, &[(0, 1, 7), (1, 2, 5)], &["tiny", "two\nlines"]).unwrap();
        assert_eq!(
            String::from_utf8(gr).unwrap(),
            "c tiny\nc two\nc lines\np sp 3 2\na 1 2 7\na 2 3 5\n"
        );
        let mut co = Vec::new();
        write_co(&mut co, &[(-104_066_000, 30_572_000), (0, -1)], &[]).unwrap();
        assert_eq!(
            String::from_utf8(co).unwrap(),
            "p aux sp co 2\nv 1 -104066000 30572000\nv 2 0 -1\n"
        );
    }

    #[test]
    fn large_files_are_written_whole() {
        let arcs: Vec<(VertexId, VertexId, Weight)> = (0..20_000).map(|i| (i, i + 1, i)).collect();
        let mut gr = Vec::new();
        write_gr(&mut gr, 20_001, &arcs, &[]).unwrap();
        let text = String::from_utf8(gr).unwrap();
        assert_eq!(text.lines().count(), 20_001);
        assert!(text.ends_with("a 20000 20001 19999\n"));
    }
}
