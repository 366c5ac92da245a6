//! Reading the service a request asks for from its path: Simpul's own
//! `/{pd}/{service}/{version}/{path...}` or X-Road's
//! `/r1/{instance}/{class}/{member}/{subsystem}/{service}[/{version}]/{path...}`.

/// What the path names, before the directory is consulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target<'a> {
    /// `/{pd}/{service}/{version}/{rest}`.
    Simpul {
        /// PD code.
        pd: &'a str,
        /// Service code.
        code: &'a str,
        /// Version.
        version: &'a str,
        /// The rest of the path, with its leading `/` (may be empty).
        rest: &'a str,
    },
    /// `/r1/...`: the version, if present, is the first segment of `tail`, which only
    /// the directory can tell from a path segment.
    XRoad {
        /// X-Road instance.
        instance: &'a str,
        /// Member class.
        class: &'a str,
        /// Member code (the PD code).
        member: &'a str,
        /// Subsystem code.
        subsystem: &'a str,
        /// Service code.
        code: &'a str,
        /// Everything after the service code, with its leading `/` (may be empty).
        tail: &'a str,
    },
}

/// A segment the gateway accepts in a service name: letters, digits, `-`, `_`, `.`
/// (never `.` or `..` alone: those would rewrite the upstream path).
fn ok_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

/// Split the first segment off `p` (which starts after a `/`).
fn next(p: &str) -> (&str, &str) {
    match p.find('/') {
        Some(i) => (&p[..i], &p[i..]),
        None => (p, ""),
    }
}

/// Parse `path` (without query), or `None` if it names no service properly.
pub fn parse(path: &str) -> Option<Target<'_>> {
    let p = path.strip_prefix('/')?;
    // Dot segments or empty segments in the rest could climb out of the upstream's
    // prefix once joined to it; refuse them rather than normalise.
    if p.split('/').any(|s| s == ".." || s == ".") || p.contains("//") {
        return None;
    }
    let (first, rest) = next(p);
    if first == "r1" {
        let mut rest = rest;
        let mut seg = [""; 5];
        for s in &mut seg {
            let r = rest.strip_prefix('/')?;
            let (a, b) = next(r);
            if !ok_segment(a) {
                return None;
            }
            *s = a;
            rest = b;
        }
        let [instance, class, member, subsystem, code] = seg;
        return Some(Target::XRoad {
            instance,
            class,
            member,
            subsystem,
            code,
            tail: rest,
        });
    }
    let (code, rest) = next(rest.strip_prefix('/')?);
    let (version, rest) = next(rest.strip_prefix('/')?);
    if ![first, code, version].iter().all(|s| ok_segment(s)) {
        return None;
    }
    Some(Target::Simpul {
        pd: first,
        code,
        version,
        rest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simpul_paths() {
        assert_eq!(
            parse("/DUKCAPIL/penduduk/v1/cari/123"),
            Some(Target::Simpul {
                pd: "DUKCAPIL",
                code: "penduduk",
                version: "v1",
                rest: "/cari/123"
            })
        );
        assert_eq!(
            parse("/DUKCAPIL/penduduk/v1"),
            Some(Target::Simpul {
                pd: "DUKCAPIL",
                code: "penduduk",
                version: "v1",
                rest: ""
            })
        );
        for bad in [
            "",
            "/",
            "/DUKCAPIL",
            "/DUKCAPIL/penduduk",
            "/DUKCAPIL/penduduk/",
            "/DUKCAPIL/penduduk/v1/../x",
            "/DUKCAPIL/pen duduk/v1",
            "/DUKCAPIL//v1/x",
            "/a/b/v1//x",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn xroad_paths() {
        assert_eq!(
            parse("/r1/SIMPUL/GOV/DUKCAPIL/DUKCAPIL/penduduk/v1/cari"),
            Some(Target::XRoad {
                instance: "SIMPUL",
                class: "GOV",
                member: "DUKCAPIL",
                subsystem: "DUKCAPIL",
                code: "penduduk",
                tail: "/v1/cari"
            })
        );
        assert_eq!(parse("/r1/SIMPUL/GOV/DUKCAPIL/DUKCAPIL"), None);
    }
}
