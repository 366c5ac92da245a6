//! Helpers shared by the chart tests.

/// A tiny XML check: tags balance, attribute quotes pair up, `&` starts only the
/// entities we emit, and no raw `>` sits in text. Returns the root element's name.
pub(super) fn well_formed(svg: &str) -> Result<String, String> {
    let mut stack: Vec<String> = Vec::new();
    let mut root = None;
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt])?;
        let gt = rest[lt..].find('>').ok_or("tag not closed")? + lt;
        let tag = &rest[lt + 1..gt];
        if !tag.matches('"').count().is_multiple_of(2) {
            return Err(format!("odd quotes in <{tag}>"));
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            if stack.pop().as_deref() != Some(name.as_str()) {
                return Err(format!("unexpected </{name}>"));
            }
        } else if !tag.ends_with('/') {
            root.get_or_insert_with(|| name.clone());
            stack.push(name);
        }
        if stack.is_empty() && gt + 1 < rest.len() {
            return Err("content after the root element".into());
        }
        rest = &rest[gt + 1..];
    }
    check_text(rest)?;
    if !stack.is_empty() {
        return Err(format!("unclosed {stack:?}"));
    }
    root.ok_or_else(|| "no element".into())
}

fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("raw > in {text:?}"));
    }
    for (i, _) in text.match_indices('&') {
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| text[i..].starts_with(e));
        if !ok {
            return Err(format!("bare & in {text:?}"));
        }
    }
    Ok(())
}

pub(super) fn data(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
    pairs.iter().map(|(l, v)| ((*l).to_owned(), *v)).collect()
}
