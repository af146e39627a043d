//! `timeline template`: a commented starter timeline that uses every field of the format, for a
//! newcomer to copy and edit. It is a file of its own (`template.yaml`), checked by the unit test
//! below and by `tests/truth.rs`, so that what it teaches is what `check` accepts.

use std::io::Write;

use crate::error::Error;

/// The starter timeline.
pub const TEMPLATE: &str = include_str!("template.yaml");

/// Prints the template.
pub fn run(out: &mut dyn Write) -> Result<(), Error> {
    out.write_all(TEMPLATE.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::TEMPLATE;

    #[test]
    fn the_template_uses_every_field_of_the_schema() {
        let schema = serde_json::to_value(crate::schema::schema()).unwrap();
        let mut fields: Vec<String> = Vec::new();
        let top = schema["properties"].as_object().unwrap().keys();
        fields.extend(top.cloned());
        for (_, definition) in schema["definitions"].as_object().unwrap() {
            if let Some(properties) = definition["properties"].as_object() {
                fields.extend(properties.keys().cloned());
            }
        }
        assert!(fields.len() > 20, "{fields:?}");
        for field in fields {
            let used = TEMPLATE
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .any(|l| l.contains(&format!("{field}:")));
            assert!(used, "the template does not use `{field}`");
        }
    }
}
