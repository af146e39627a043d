//! Test helpers: the small fixture timeline, a model over it, and messages from typed text.

use super::model::Model;
use super::update::{Effect, Key, Msg, update};
use crate::index::Index;
use crate::load::{Source, load};

/// The fixture the integration tests use: Old Style dates, a renamed city, two Kamenevs,
/// places within places.
pub fn fixture() -> Index {
    let source = Source {
        name: "small.yaml".into(),
        text: include_str!("../../tests/fixtures/small.yaml").into(),
    };
    Index::new(load(&source).expect("the fixture loads"))
}

/// A model over every event of `index`, on a screen of `size`.
pub fn model(index: &Index, size: (u16, u16)) -> Model<'_> {
    Model::new(index, (0..index.len()).collect(), size).expect("the fixture's events")
}

/// Sends each key in turn; the effect of the last.
pub fn keys(model: &mut Model, keys: &[Key]) -> Effect {
    let mut effect = Effect::Redraw;
    for &key in keys {
        effect = update(model, Msg::Key(key));
    }
    effect
}

/// Sends `text` one character at a time.
pub fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        update(model, Msg::Key(Key::Char(c)));
    }
}
