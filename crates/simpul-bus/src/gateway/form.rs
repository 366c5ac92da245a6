//! `application/x-www-form-urlencoded` pairs (query strings, the OAuth2 token form):
//! small enough to keep here rather than pull a crate for it.

/// Decode `a=b&c=d` into pairs, percent- and `+`-decoded; undecodable bytes become U+FFFD.
pub fn pairs(s: &str) -> impl Iterator<Item = (String, String)> + '_ {
    s.split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (decode(k), decode(v))
    })
}

/// Percent-decode one component, `+` meaning space.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let v: Vec<_> = pairs("a=1&nik=6310%20014+5&x&=&b=%zz").collect();
        assert_eq!(
            v,
            vec![
                ("a".into(), "1".into()),
                ("nik".into(), "6310 014 5".into()),
                ("x".into(), "".into()),
                ("".into(), "".into()),
                ("b".into(), "%zz".into()),
            ]
        );
    }
}
