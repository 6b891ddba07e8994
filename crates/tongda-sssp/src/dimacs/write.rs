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

/// Writes a `.gr` file: comment lines, the problem line, then the arcs in order.
pub fn write_gr<W: Write>(
    mut out: W,
    num_vertices: usize,
    arcs: &[(VertexId, VertexId, Weight)],
    comment: &[&str],
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    comments(&mut buf, comment);
    buf.extend_from_slice(b"p sp ");
    push_u64(&mut buf, num_vertices as u64);
    buf.push(b' ');
    push_u64(&mut buf, arcs.len() as u64);
    buf.push(b'\n');
    for &(t, h, w) in arcs {
        buf.extend_from_slice(b"a ");
        push_u64(&mut buf, u64::from(t) + 1);
        buf.push(b' ');
        push_u64(&mut buf, u64::from(h) + 1);
        buf.push(b' ');
        push_u64(&mut buf, u64::from(w));
        buf.push(b'\n');
        if buf.len() > (1 << 16) - 64 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

/// Writes a `.co` file for vertices `0..coords.len()`.
pub fn write_co<W: Write>(mut out: W, coords: &[(i32, i32)], comment: &[&str]) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    comments(&mut buf, comment);
    buf.extend_from_slice(b"p aux sp co ");
    push_u64(&mut buf, coords.len() as u64);
    buf.push(b'\n');
    for (i, &(x, y)) in coords.iter().enumerate() {
        buf.extend_from_slice(b"v ");
        push_u64(&mut buf, i as u64 + 1);
        buf.push(b' ');
        push_i32(&mut buf, x);
        buf.push(b' ');
        push_i32(&mut buf, y);
        buf.push(b'\n');
        if buf.len() > (1 << 16) - 64 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}
